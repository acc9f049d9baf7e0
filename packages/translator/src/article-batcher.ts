import type { ArticleContent, LanguageCode } from '@tidings/core';
import type { TargetTranslation } from './assemble-target.ts';
import type { ArticleJob, TranslateOptions, TranslationProgress } from './translator.ts';

/** The part of a translator the batcher drives: several articles at once. */
export interface ArticlesTranslator {
  translateArticles(
    jobs: readonly ArticleJob[],
    options?: TranslateOptions,
  ): Promise<Map<LanguageCode, TargetTranslation>[]>;
}

interface Waiting {
  readonly job: ArticleJob;
  readonly progress: ((progress: TranslationProgress) => void) | undefined;
  readonly resolve: (result: Map<LanguageCode, TargetTranslation>) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Translates the articles asked for while the translator is busy together, in one
 * `translateArticles` call, so a worker's jobs in hand share batches instead of each filling
 * its own: a call that finds the translator idle starts at once, with no waiting for company.
 * A group holds one direction (source and targets), the one asked for longest ago: jobs for
 * other languages would share no model, and a fast language must not wait for a slow one.
 * When a group fails, each of its articles is tried alone, so one article's fault (a missing
 * model, bad input) fails that article only. An article whose `signal` aborts while it waits
 * is dropped: nobody wants it any more, and it would hold the others up.
 *
 * @example
 * const batcher = new ArticleBatcher(translator);
 * const [es, de] = await Promise.all([
 *   batcher.translateArticle(a, 'en', ['es']),
 *   batcher.translateArticle(b, 'en', ['de']),
 * ]);
 */
export class ArticleBatcher {
  readonly #translator: ArticlesTranslator;
  readonly #maxArticles: number;
  readonly #waiting: Waiting[] = [];
  #busy = false;
  /** Calls of `translateArticles` made so far, and the articles they carried (for tests, logs). */
  readonly stats = { groups: 0, articles: 0 };

  constructor(translator: ArticlesTranslator, options: { maxArticles?: number } = {}) {
    this.#translator = translator;
    this.#maxArticles = Math.max(1, options.maxArticles ?? 16);
  }

  /** Translates one article into `targets`, together with whatever else is waiting. */
  translateArticle(
    content: ArticleContent,
    source: LanguageCode,
    targets: readonly LanguageCode[],
    options: TranslateOptions = {},
  ): Promise<Map<LanguageCode, TargetTranslation>> {
    const { signal } = options;
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const waiting: Waiting = {
        job: { content, source, targets },
        progress: options.progress,
        resolve,
        reject,
      };
      signal?.addEventListener(
        'abort',
        () => {
          const at = this.#waiting.indexOf(waiting);
          if (at < 0) return; // already in a group: it finishes with it
          this.#waiting.splice(at, 1);
          reject(signal.reason);
        },
        { once: true },
      );
      this.#waiting.push(waiting);
      void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    try {
      while (this.#waiting.length > 0) await this.#run(this.#nextGroup());
    } finally {
      this.#busy = false;
    }
  }

  /** The oldest waiting article and those waiting for the same direction, in arrival order. */
  #nextGroup(): Waiting[] {
    const direction = (w: Waiting) => `${w.job.source}>${w.job.targets.join(',')}`;
    const first = direction(this.#waiting[0] as Waiting);
    const group: Waiting[] = [];
    for (let i = 0; i < this.#waiting.length && group.length < this.#maxArticles; ) {
      const w = this.#waiting[i] as Waiting;
      if (direction(w) === first) {
        group.push(w);
        this.#waiting.splice(i, 1);
      } else i++;
    }
    return group;
  }

  async #run(group: readonly Waiting[]): Promise<void> {
    this.stats.groups++;
    this.stats.articles += group.length;
    const progress = (p: TranslationProgress) => {
      for (const w of group) w.progress?.(p);
    };
    try {
      const results = await this.#translator.translateArticles(
        group.map((w) => w.job),
        { progress },
      );
      group.forEach((w, i) => {
        w.resolve(results[i] ?? new Map());
      });
    } catch (error) {
      if (group.length === 1) group[0]?.reject(error);
      else for (const w of group) await this.#run([w]);
    }
  }
}
