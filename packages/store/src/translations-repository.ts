import type { LanguageCode, TranslationStatus } from '@tidings/core';
import { ConflictError } from './conflict-error.ts';
import type { Database, Queryable } from './database.ts';
import { NotFoundError } from './not-found-error.ts';
import { ARTICLE_SELECT, type ArticleRow, isStoreId } from './read-article.ts';
import { type ContentColumns, type TranslationRow, toContent, toLanguageState } from './rows.ts';
import { titleKey } from './title-key.ts';
import type { ResultOutcome, TranslatedContent, Translation } from './types.ts';

/** A worker's finished translation of one language of one revision. */
export interface TranslationResultInput {
  readonly articleId: string;
  readonly language: LanguageCode;
  readonly revision: number;
  readonly content: TranslatedContent;
  /** The model, or models joined with ` → ` for a pivot: `Xenova/opus-mt-uk-en → Xenova/opus-mt-en-de`. */
  readonly model: string;
  /** `needs_review` when a quality gate flagged it: stored, but not published. */
  readonly status: 'published' | 'needs_review';
  readonly reason?: string | undefined;
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
  readonly reason: string;
}

/** Statuses in which an editor's text is live; machine output never replaces it. */
const EDITOR_OWNED: readonly TranslationStatus[] = ['edited', 'stale'];

interface LockedTranslation {
  revision: number;
  status: TranslationStatus;
  source_language: LanguageCode;
}

async function lockTranslation(
  tx: Queryable,
  articleId: string,
  language: LanguageCode,
): Promise<LockedTranslation> {
  // The row lock serializes everything that changes one language version, so concurrent
  // deliveries of the same result (two API instances, a redelivered job) apply it once.
  const [row] = isStoreId(articleId)
    ? await tx.query<LockedTranslation>(
        `SELECT t.revision, t.status, a.source_language
           FROM translations t JOIN articles a ON a.id = t.article_id
          WHERE t.article_id = $1 AND t.language = $2
          FOR UPDATE OF t`,
        [articleId, language],
      )
    : [];
  if (!row) throw new NotFoundError('translation', `${articleId}/${language}`);
  return row;
}

async function finishRequest(tx: Queryable, articleId: string, language: string, revision: number) {
  await tx.query(
    `UPDATE translation_requests SET state = 'done', done_at = now()
      WHERE article_id = $1 AND language = $2 AND revision = $3 AND state <> 'done'`,
    [articleId, language, revision],
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
      `UPDATE translations SET status = 'translating', started_at = now(), finished_at = NULL
        WHERE article_id = $1 AND language = $2 AND revision = $3
          AND status IN ('queued', 'translating', 'failed')
        RETURNING 1`,
      [articleId, language, revision],
    );
    return rows.length > 0;
  }

  /**
   * Applies a worker's result, once: a second delivery reports `applied: false`. A result
   * for an older revision than the current one is ignored. An editor's text (`edited`,
   * `stale`) is never replaced; the machine version is kept in the history beside it.
   * The outbox request is marked done in every case.
   */
  recordTranslationResult(result: TranslationResultInput): Promise<ResultOutcome> {
    return this.#db.transaction(async (tx) => {
      const { articleId, language, revision, content } = result;
      const current = await lockTranslation(tx, articleId, language);
      await finishRequest(tx, articleId, language, revision);
      if (revision !== current.revision || language === current.source_language) {
        return { applied: false, status: current.status };
      }
      const startedAt = result.timings?.startedAt ?? null;
      const finishedAt = result.timings?.finishedAt ?? null;
      const inserted = await tx.query(
        `INSERT INTO translation_versions
           (article_id, language, revision, origin, status, title, summary, body, categories,
            image_alt, model, reason, started_at, finished_at)
         VALUES ($1, $2, $3, 'machine', $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, COALESCE($13, now()))
         ON CONFLICT (article_id, language, revision) WHERE origin = 'machine' DO NOTHING
         RETURNING id`,
        [
          articleId,
          language,
          revision,
          result.status,
          content.title,
          content.summary,
          content.body,
          JSON.stringify(content.categories),
          content.imageAlt ?? null,
          result.model,
          result.reason ?? null,
          startedAt,
          finishedAt,
        ],
      );
      if (inserted.length === 0) return { applied: false, status: current.status };
      if (EDITOR_OWNED.includes(current.status)) return { applied: true, status: current.status };
      if (result.status === 'needs_review') {
        await tx.query(
          `UPDATE translations
              SET status = 'needs_review', model = $3, reason = $4,
                  started_at = COALESCE($5, started_at), finished_at = COALESCE($6, now())
            WHERE article_id = $1 AND language = $2`,
          [articleId, language, result.model, result.reason ?? null, startedAt, finishedAt],
        );
        return { applied: true, status: 'needs_review' };
      }
      await tx.query(
        `UPDATE translations
            SET status = 'published', content_revision = revision,
                title = $3, summary = $4, body = $5, categories = $6::jsonb, image_alt = $7,
                model = $8, reason = $9, edited_by = NULL, title_key = $12,
                started_at = COALESCE($10, started_at), finished_at = COALESCE($11, now()),
                published_at = COALESCE(published_at, now()), content_updated_at = now()
          WHERE article_id = $1 AND language = $2`,
        [
          articleId,
          language,
          content.title,
          content.summary,
          content.body,
          JSON.stringify(content.categories),
          content.imageAlt ?? null,
          result.model,
          result.reason ?? null,
          startedAt,
          finishedAt,
          titleKey(content.title),
        ],
      );
      return { applied: true, status: 'published' };
    });
  }

  /**
   * Records that a worker gave up on this revision (the request is done; the reason is
   * kept). Ignored when a version for it already arrived, or the revision is outdated.
   * Content that was live before stays live.
   */
  recordTranslationFailure(failure: TranslationFailureInput): Promise<ResultOutcome> {
    return this.#db.transaction(async (tx) => {
      const { articleId, language, revision, reason } = failure;
      const current = await lockTranslation(tx, articleId, language);
      await finishRequest(tx, articleId, language, revision);
      const waiting = current.status === 'queued' || current.status === 'translating';
      if (revision !== current.revision || !waiting) {
        return { applied: false, status: current.status };
      }
      await tx.query(
        `UPDATE translations SET status = 'failed', reason = $3, finished_at = now()
          WHERE article_id = $1 AND language = $2`,
        [articleId, language, reason],
      );
      return { applied: true, status: 'failed' };
    });
  }

  /**
   * Publishes an editor's correction of a target language, as of the current revision.
   * From then on machine output never replaces it (a new source revision marks it `stale`).
   * The source language is refused with a {@link ConflictError}: it changes only through a
   * new revision, which re-translates every other language.
   */
  editTranslation(
    articleId: string,
    language: LanguageCode,
    content: TranslatedContent,
    editorKeyId: string,
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
        );
      }
      if (article.retracted_at) {
        throw new ConflictError('retracted', `Article ${articleId} was retracted`);
      }
      const values = [
        articleId,
        language,
        article.current_revision,
        content.title,
        content.summary,
        content.body,
        JSON.stringify(content.categories),
        content.imageAlt ?? null,
        editorKeyId,
      ];
      const live = [...values, titleKey(content.title)];
      await tx.query(
        `INSERT INTO translation_versions
           (article_id, language, revision, origin, status, title, summary, body, categories,
            image_alt, edited_by, finished_at)
         VALUES ($1, $2, $3, 'editor', 'edited', $4, $5, $6, $7::jsonb, $8, $9, now())`,
        values,
      );
      await tx.query(
        `UPDATE translations
            SET status = 'edited', revision = $3, content_revision = $3,
                title = $4, summary = $5, body = $6, categories = $7::jsonb, image_alt = $8,
                edited_by = $9, reason = NULL, finished_at = now(), title_key = $10,
                published_at = COALESCE(published_at, now()), content_updated_at = now()
          WHERE article_id = $1 AND language = $2`,
        live,
      );
      // The editor's text stands for this revision; no machine version is needed any more.
      await finishRequest(tx, articleId, language, article.current_revision);
      return readTranslation(tx, articleId, language);
    });
  }
}

async function readTranslation(
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
  if (row.status === 'needs_review') {
    [draft] = await q.query<ContentColumns>(
      `SELECT title, summary, body, categories, image_alt FROM translation_versions
        WHERE article_id = $1 AND language = $2 AND revision = $3 AND origin = 'machine'`,
      [articleId, language, row.revision],
    );
  }
  return {
    ...toLanguageState(row),
    articleId,
    slug: article.slug,
    sourceLanguage: article.source_language,
    retractedAt: article.retracted_at,
    content: toContent(row, article.image_url),
    draft: draft ? toContent(draft, article.image_url) : null,
  };
}
