import type {
  ArticleContent,
  FailureReasonData,
  LanguageCode,
  ReviewReasonData,
  SegmentOrigins,
  TranslationStatus,
} from '@tidings/core';
import type { Database } from './database.ts';
import { ConflictError, NotFoundError } from './errors.ts';
import {
  insertVersion,
  keepUnsent,
  lockTranslation,
  makeLive,
  readTranslation,
} from './insert-version.ts';
import { addMemoryLesson } from './memory-lessons-repository.ts';
import { finishRequest } from './outbox-repository.ts';
import { isStoreId } from './read-article.ts';
import { settleLiveVersion } from './settle-live-version.ts';
import type { EditedContent, ResultOutcome, Translation } from './types.ts';

/** A worker's finished translation of one language of one revision. */
export interface TranslationResultInput {
  readonly articleId: string;
  readonly language: LanguageCode;
  readonly revision: number;
  readonly content: ArticleContent;
  /** The model, or models joined with ` → ` for a pivot: `Xenova/opus-mt-uk-en → Xenova/opus-mt-en-de`. */
  readonly model: string;
  /** `needs_review` when a quality gate flagged it: stored, but not published. */
  readonly status: 'published' | 'needs_review';
  readonly reason?: string | undefined;
  /** The reasons as data (absent from workers older than this field). */
  readonly reasons?: readonly ReviewReasonData[] | undefined;
  /** Which retry of the revision made it (0, or absent, for the first translation). */
  readonly retry?: number | undefined;
  /** Where each segment came from (absent from workers older than this field). */
  readonly segmentOrigins?: SegmentOrigins | undefined;
  readonly timings?: {
    readonly startedAt?: Date | undefined;
    readonly finishedAt?: Date | undefined;
  };
}

/** A worker's final failure to translate one language of one revision. */
export interface TranslationFailureInput {
  readonly articleId: string;
  readonly language: LanguageCode;
  readonly revision: number;
  /** The failure in English (for the logs, and readers older than `failure`). */
  readonly reason: string;
  /** Why, as a code and its fields (absent from workers older than this field). */
  readonly failure?: FailureReasonData | undefined;
  /** Which retry of the revision failed (0, or absent, for the first translation). */
  readonly retry?: number | undefined;
}

/** Statuses in which an editor's text is live; machine output never replaces it. */
export const EDITOR_OWNED: readonly TranslationStatus[] = ['edited', 'stale'];

/** Statuses in which a language has no result for its revision yet. */
const WAITING: readonly TranslationStatus[] = ['queued', 'translating', 'failed'];

/**
 * The per-language side of articles: workers' results and failures, editors'
 * corrections, and reading one language version.
 *
 * @example
 * await translations.recordTranslationResult({ articleId, language: 'de', revision: 1, content, model, status: 'published' });
 */
export class TranslationsRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** One language version, with its live content and, when awaiting review, the draft. */
  getTranslation(articleId: string, language: LanguageCode): Promise<Translation> {
    return readTranslation(this.#db, articleId, language);
  }

  /**
   * Notes that a worker started on this revision; returns false (and changes nothing) when
   * the language no longer waits for it: a newer revision, a result already in, an editor's text.
   */
  async markTranslating(
    articleId: string,
    language: LanguageCode,
    revision: number,
  ): Promise<boolean> {
    if (!isStoreId(articleId)) return false;
    const rows = await this.#db.query(
      `UPDATE translations
          SET status = 'translating', started_at = now(), finished_at = NULL,
              reason = NULL, reasons = NULL
        WHERE article_id = $1 AND language = $2 AND revision = $3
          AND status IN ('queued', 'translating', 'failed')
        RETURNING 1`,
      [articleId, language, revision],
    );
    return rows.length > 0;
  }

  /**
   * Applies a worker's result, once: a second delivery reports `applied: false`. A result
   * for an older revision than the current one is ignored, and so is one of an earlier try
   * of this revision once a retry was asked for and the language has a result again. An
   * editor's text (`edited`, `stale`) is never replaced; the machine version is kept in the
   * history beside it. The outbox request of this try (and earlier ones) is marked done.
   */
  recordTranslationResult(result: TranslationResultInput): Promise<ResultOutcome> {
    return this.#db.transaction(async (tx) => {
      const { articleId, language, revision, content } = result;
      const retry = result.retry ?? 0;
      const current = await lockTranslation(tx, articleId, language);
      await finishRequest(tx, { articleId, language, revision, retry });
      if (revision !== current.revision || language === current.source_language) {
        return { applied: false, status: current.status };
      }
      // A result of the try a retry replaced is still welcome while nothing newer is in
      // (the queue dashboard retried the old job), never over what the retry brought.
      if (retry < current.retry && !WAITING.includes(current.status)) {
        return { applied: false, status: current.status };
      }
      const startedAt = result.timings?.startedAt ?? null;
      const finishedAt = result.timings?.finishedAt ?? null;
      const versionId = await insertVersion(tx, {
        articleId,
        language,
        revision,
        retry,
        origin: 'machine',
        status: result.status,
        content,
        model: result.model,
        reason: result.reason,
        reasons: result.reasons,
        startedAt,
        finishedAt,
        segmentOrigins: result.segmentOrigins,
      });
      if (versionId === undefined) return { applied: false, status: current.status };
      if (EDITOR_OWNED.includes(current.status)) return { applied: true, status: current.status };
      if (result.status === 'needs_review') {
        await tx.query(
          `UPDATE translations
              SET status = 'needs_review', model = $3, reason = $4, reasons = $7::jsonb,
                  started_at = COALESCE($5, started_at), finished_at = COALESCE($6, now())
            WHERE article_id = $1 AND language = $2`,
          [
            articleId,
            language,
            result.model,
            result.reason ?? null,
            startedAt,
            finishedAt,
            result.reasons?.length ? JSON.stringify(result.reasons) : null,
          ],
        );
        return { applied: true, status: 'needs_review' };
      }
      await makeLive(tx, versionId, content.title);
      await settleLiveVersion(tx, { articleId, language, ...content });
      return { applied: true, status: 'published' };
    });
  }

  /**
   * Records that a worker gave up on this revision (the request is done; the reason is
   * kept, its text and, as the language's `reasons`, its failure as data). Ignored when a version for it already arrived, the revision is outdated, or a
   * retry was asked for since this try began. Content that was live before stays live.
   */
  recordTranslationFailure(failure: TranslationFailureInput): Promise<ResultOutcome> {
    return this.#db.transaction(async (tx) => {
      const { articleId, language, revision, reason } = failure;
      const retry = failure.retry ?? 0;
      const current = await lockTranslation(tx, articleId, language);
      await finishRequest(tx, { articleId, language, revision, retry });
      const waiting = current.status === 'queued' || current.status === 'translating';
      if (revision !== current.revision || !waiting || retry < current.retry) {
        return { applied: false, status: current.status };
      }
      await tx.query(
        `UPDATE translations SET status = 'failed', reason = $3, reasons = $4::jsonb, finished_at = now()
          WHERE article_id = $1 AND language = $2`,
        [articleId, language, reason, failure.failure ? JSON.stringify([failure.failure]) : null],
      );
      return { applied: true, status: 'failed' };
    });
  }

  /**
   * Publishes an editor's correction of a target language, as of the current revision.
   * From then on machine output never replaces it (a new source revision marks it `stale`).
   * The source language is refused with a {@link ConflictError}: it changes only through a
   * new revision, which re-translates every other language. A memory lesson is committed with
   * it ({@link MemoryLessonsRepository}). What the editor left out keeps its current value
   * ({@link keepUnsent}).
   */
  editTranslation(
    articleId: string,
    language: LanguageCode,
    edit: EditedContent,
    editorKeyId: string,
    segmentOrigins?: SegmentOrigins,
  ): Promise<Translation> {
    return this.#db.transaction(async (tx) => {
      const current = await lockTranslation(tx, articleId, language);
      const [article] = await tx.query<{ current_revision: number; retracted_at: Date | null }>(
        'SELECT current_revision, retracted_at FROM articles WHERE id = $1',
        [articleId],
      );
      if (!article) throw new NotFoundError('article', articleId);
      if (language === current.source_language) {
        throw new ConflictError(
          'source_language',
          `${language} is the source language of article ${articleId}; change it with a new revision`,
          { id: articleId, lang: language },
        );
      }
      if (article.retracted_at) {
        throw new ConflictError('retracted', `Article ${articleId} was retracted`, {
          id: articleId,
        });
      }
      const revision = article.current_revision;
      const content = await keepUnsent(tx, articleId, language, current, edit);
      const versionId = await insertVersion(tx, {
        articleId,
        language,
        revision,
        origin: 'editor',
        status: 'edited',
        content,
        editedBy: editorKeyId,
        segmentOrigins,
      });
      if (versionId === undefined) throw new Error('An editor version was not kept');
      await addMemoryLesson(tx, versionId);
      await makeLive(tx, versionId, content.title);
      await settleLiveVersion(tx, { articleId, language, ...content });
      // The editor's text stands for this revision; no machine version is needed any more.
      await finishRequest(tx, { articleId, language, revision });
      return readTranslation(tx, articleId, language);
    });
  }
}
