import {
  type ArticleContent,
  type FailureReasonData,
  type LanguageCode,
  type ReviewReasonData,
  type SegmentOrigins,
  sourceChanges,
  type TranslationStatus,
} from '@tidings/core';
import type { Database, Queryable } from './database.ts';
import { ConflictError, NotFoundError } from './errors.ts';
import { addMemoryLesson } from './memory-lessons-repository.ts';
import { finishRequest } from './outbox-repository.ts';
import { ARTICLE_SELECT, type ArticleRow, isStoreId } from './read-article.ts';
import { type ContentColumns, type TranslationRow, toContent, toLanguageState } from './rows.ts';
import { settleLiveVersion } from './settle-live-version.ts';
import { titleKey } from './title-key.ts';
import type { ResultOutcome, SourceChange, Translation } from './types.ts';

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

/** The row of one language version, locked. */
export interface LockedTranslation {
  revision: number;
  status: TranslationStatus;
  retry: number;
  source_language: LanguageCode;
}

/**
 * Locks one language version's row for the caller's transaction; a {@link NotFoundError}
 * when the article or the language is not there.
 *
 * @example
 * const current = await lockTranslation(tx, articleId, 'de');
 */
export async function lockTranslation(
  tx: Queryable,
  articleId: string,
  language: LanguageCode,
): Promise<LockedTranslation> {
  // The row lock serializes everything that changes one language version, so concurrent
  // deliveries of the same result (two API instances, a redelivered job) apply it once.
  const [row] = isStoreId(articleId)
    ? await tx.query<LockedTranslation>(
        `SELECT t.revision, t.status, t.retry, a.source_language
           FROM translations t JOIN articles a ON a.id = t.article_id
          WHERE t.article_id = $1 AND t.language = $2
          FOR UPDATE OF t`,
        [articleId, language],
      )
    : [];
  if (!row) throw new NotFoundError('translation', `${articleId}/${language}`);
  return row;
}

/** A version of one language's content, as `translation_versions` keeps every one. */
export interface VersionInput {
  readonly articleId: string;
  readonly language: LanguageCode;
  readonly revision: number;
  readonly retry?: number | undefined;
  readonly origin: 'machine' | 'editor';
  readonly status: 'published' | 'needs_review' | 'edited';
  readonly content: ArticleContent;
  readonly model?: string | undefined;
  readonly reason?: string | undefined;
  /** Why it was held for review (or what was repaired), as data. */
  readonly reasons?: readonly ReviewReasonData[] | undefined;
  readonly editedBy?: string | undefined;
  /** The editor who approved it (with an edit, an editor's version is approved as it is made). */
  readonly approvedBy?: string | undefined;
  readonly startedAt?: Date | null | undefined;
  readonly finishedAt?: Date | null | undefined;
  /** Where each segment came from. */
  readonly segmentOrigins?: SegmentOrigins | undefined;
}

/**
 * Keeps a version in the history; returns its id, or `undefined` when the machine version of
 * this revision is already there (a second delivery of one result).
 *
 * @example
 * const id = await insertVersion(tx, { articleId, language, revision, origin: 'editor', status: 'edited', content });
 */
export async function insertVersion(tx: Queryable, v: VersionInput): Promise<string | undefined> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO translation_versions
       (article_id, language, revision, origin, status, title, summary, body, categories,
        image_alt, model, reason, edited_by, started_at, finished_at, retry,
        approved_by, approved_at, segment_origins, reasons)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13, $14, COALESCE($15, now()), $16,
             $17, CASE WHEN $17::uuid IS NULL THEN NULL ELSE now() END, $18::jsonb, $19::jsonb)
     ON CONFLICT (article_id, language, revision, retry) WHERE origin = 'machine' DO NOTHING
     RETURNING id`,
    [
      v.articleId,
      v.language,
      v.revision,
      v.origin,
      v.status,
      v.content.title,
      v.content.summary,
      v.content.body,
      JSON.stringify(v.content.categories),
      v.content.image?.alt ?? null,
      v.model ?? null,
      v.reason ?? null,
      v.editedBy ?? null,
      v.startedAt ?? null,
      v.finishedAt ?? null,
      v.retry ?? 0,
      v.approvedBy ?? null,
      v.segmentOrigins ? JSON.stringify(v.segmentOrigins) : null,
      v.reasons?.length ? JSON.stringify(v.reasons) : null,
    ],
  );
  return row?.id;
}

/**
 * Makes a kept version what readers see in its language. An editor's version keeps the
 * machine's model on record; a machine version clears any editor. The version's approval
 * (or its absence) goes with it.
 *
 * @example
 * await makeLive(tx, versionId, content.title);
 */
export async function makeLive(tx: Queryable, versionId: string, title: string): Promise<void> {
  await tx.query(
    `UPDATE translations t
        SET status = v.status, revision = v.revision, content_revision = v.revision,
            title = v.title, summary = v.summary, body = v.body, categories = v.categories,
            image_alt = v.image_alt, title_key = $2, reason = v.reason, reasons = v.reasons, edited_by = v.edited_by,
            approved_by = v.approved_by, approved_at = v.approved_at,
            segment_origins = v.segment_origins,
            model = CASE WHEN v.origin = 'machine' THEN v.model ELSE t.model END,
            started_at = COALESCE(v.started_at, t.started_at), finished_at = v.finished_at,
            published_at = COALESCE(t.published_at, now()), content_updated_at = now()
       FROM translation_versions v
      WHERE v.id = $1 AND t.article_id = v.article_id AND t.language = v.language`,
    [versionId, titleKey(title)],
  );
}

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
   * it ({@link MemoryLessonsRepository}).
   */
  editTranslation(
    articleId: string,
    language: LanguageCode,
    content: ArticleContent,
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

/**
 * One language version, read in the caller's transaction or connection.
 *
 * @example
 * return readTranslation(tx, articleId, 'de');
 */
export async function readTranslation(
  q: Queryable,
  articleId: string,
  language: LanguageCode,
): Promise<Translation> {
  const [article] = isStoreId(articleId)
    ? await q.query<ArticleRow>(`${ARTICLE_SELECT} WHERE a.id = $1`, [articleId])
    : [];
  if (!article) throw new NotFoundError('article', articleId);
  const [row] = await q.query<TranslationRow>(
    'SELECT * FROM translations WHERE article_id = $1 AND language = $2',
    [articleId, language],
  );
  if (!row) throw new NotFoundError('translation', `${articleId}/${language}`);
  let draft: ContentColumns | undefined;
  // A stale version's draft is the machine's translation of the new source, beside the
  // editor's text that stays live.
  if (row.status === 'needs_review' || row.status === 'stale') {
    [draft] = await q.query<ContentColumns>(
      `SELECT title, summary, body, categories, image_alt FROM translation_versions
        WHERE article_id = $1 AND language = $2 AND revision = $3 AND origin = 'machine'
        ORDER BY id DESC LIMIT 1`,
      [articleId, language, row.revision],
    );
  }
  let sourceChange: SourceChange | null = null;
  const from = row.content_revision;
  if (row.status === 'stale' && from !== null && from !== article.current_revision) {
    const [before] = await q.query<{ title: string; summary: string; body: string }>(
      'SELECT title, summary, body FROM revisions WHERE article_id = $1 AND revision = $2',
      [articleId, from],
    );
    if (before) {
      sourceChange = {
        fromRevision: from,
        toRevision: article.current_revision,
        changes: sourceChanges(before, article),
      };
    }
  }
  return {
    ...toLanguageState(row),
    articleId,
    slug: article.slug,
    sourceLanguage: article.source_language,
    retractedAt: article.retracted_at,
    content: toContent(row, article.image_url),
    segmentOrigins: row.segment_origins,
    draft: draft ? toContent(draft, article.image_url) : null,
    sourceChange,
  };
}
