import {
  type ArticleContent,
  countOrigins,
  type LanguageCode,
  type Logger,
  type SegmentOrigins,
} from '@tidings/core';
import type { GlossarySnapshot, MemoryLesson, Store } from '@tidings/store';
import { alignCorrection, Glossary, type TranslationMemory } from '@tidings/translator/light';

/** What the teacher needs. */
export interface MemoryTeacherDeps {
  readonly store: Pick<
    Store,
    'getGlossary' | 'listMemoryLessons' | 'finishMemoryLesson' | 'failMemoryLesson'
  >;
  /** The translation memory the workers read (`<QUEUE_PREFIX>:tm:`). */
  readonly memory: Pick<TranslationMemory, 'setHuman'>;
  readonly logger: Logger;
  /** Pause between passes over lessons left behind (RECONCILE_INTERVAL_MS). */
  readonly intervalMs: number;
  /** A lesson older than this is the reconciler's; younger ones are left to the API that wrote it. Default 5 s. */
  readonly graceMs?: number | undefined;
  /** Longest a pass may wait for Redis before it gives up until the next. Default 5 s. */
  readonly timeoutMs?: number | undefined;
}

/**
 * Teaches the translation memory what editors corrected or approved. The store commits each
 * correction with a lesson; right after, the route calls {@link teachSoon}, which aligns the
 * version with its source ({@link alignCorrection}) and writes the human entries to Redis
 * without the editor waiting for it. A lesson Redis could not take (it was down, the API
 * stopped) stays in the store and is taught again every `intervalMs`, like the outbox's
 * translation requests.
 *
 * @example
 * const teacher = new MemoryTeacher({ store, memory, logger, intervalMs: 30_000 });
 * teacher.start();
 */
export class MemoryTeacher {
  readonly #deps: MemoryTeacherDeps;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;
  #again = false;

  constructor(deps: MemoryTeacherDeps) {
    this.#deps = deps;
  }

  /**
   * Where each segment of an editor's version came from: every one from the editor, listed
   * by the source's blocks and sentences.
   */
  async editOrigins(
    source: ArticleContent,
    edit: ArticleContent,
    from: LanguageCode,
    to: LanguageCode,
  ): Promise<SegmentOrigins> {
    const glossary = toGlossary(await this.#deps.store.getGlossary());
    const { segments } = alignCorrection(source, edit, from, to, glossary);
    return countOrigins(segments.map((s) => ({ ...s, origin: 'human' as const })));
  }

  /** Teaches what was just committed, in the background; a pass under way runs once more after. */
  teachSoon(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    void this.runOnce(0);
  }

  /** One pass over the lessons older than `olderThanMs`; resolves with how many were learnt. */
  runOnce(olderThanMs = this.#deps.graceMs ?? 5_000): Promise<number> {
    this.#running ??= this.#pass(olderThanMs).finally(() => {
      this.#running = undefined;
      if (this.#again) {
        this.#again = false;
        this.teachSoon();
      }
    });
    return this.#running;
  }

  /** Passes every `intervalMs` until {@link stop}. */
  start(): void {
    this.#timer ??= setInterval(() => void this.runOnce(), this.#deps.intervalMs);
    this.#timer.unref();
  }

  /** Stops the passes and waits for one under way. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#again = false;
    await this.#running;
  }

  async #pass(olderThanMs: number): Promise<number> {
    const { store, logger } = this.#deps;
    let taught = 0;
    try {
      const lessons = await store.listMemoryLessons({ olderThanMs, limit: 50 });
      if (lessons.length === 0) return 0;
      const glossary = toGlossary(await store.getGlossary());
      for (const lesson of lessons) {
        try {
          await this.#teach(lesson, glossary);
          await store.finishMemoryLesson(lesson.versionId);
          taught++;
        } catch (error) {
          logger.warn(
            { err: error, articleId: lesson.articleId, language: lesson.language },
            'the translation memory could not learn a correction now; it is taught again later',
          );
          await store.failMemoryLesson(lesson.versionId, (error as Error).message);
          // Redis is away: the others would fail the same way; the next pass tries them.
          break;
        }
      }
    } catch (error) {
      logger.warn({ err: error }, 'could not read the memory lessons');
    }
    return taught;
  }

  async #teach(lesson: MemoryLesson, glossary: Glossary): Promise<void> {
    const { entries, skipped } = alignCorrection(
      lesson.source,
      lesson.corrected,
      lesson.sourceLanguage,
      lesson.language,
      glossary,
    );
    const timeoutMs = this.#deps.timeoutMs ?? 5_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([this.#deps.memory.setHuman(entries), timeout]);
    } finally {
      clearTimeout(timer);
    }
    this.#deps.logger.info(
      {
        articleId: lesson.articleId,
        language: lesson.language,
        learnt: entries.length,
        skipped: skipped.length,
      },
      "the translation memory learnt an editor's wording",
    );
  }
}

function toGlossary(snapshot: GlossarySnapshot): Glossary {
  return new Glossary(
    snapshot.terms.map((t) => ({
      source: t.source,
      ...(t.from ? { from: t.from } : {}),
      ...(t.translations ? { translations: t.translations } : {}),
      caseSensitive: t.caseSensitive,
    })),
  );
}
