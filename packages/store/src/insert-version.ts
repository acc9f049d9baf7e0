import {
  type ArticleContent,
  type LanguageCode,
  type ReviewReasonData,
  type SegmentOrigins,
  sourceChanges,
  type TranslationStatus,
} from '@tidings/core';
import type { Queryable } from './database.ts';
import { NotFoundError } from './errors.ts';
import { ARTICLE_SELECT, type ArticleRow, isStoreId } from './read-article.ts';
import { type ContentColumns, type TranslationRow, toContent, toLanguageState } from './rows.ts';
import { titleKey } from './title-key.ts';
import type { EditedContent, SourceChange, Translation } from './types.ts';

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

/**
 * An editor's version made whole: what the editor left out (the summary, the categories, the
 * image's alt text) is the language version's current value, the draft's when one is held
 * for review (`needs_review`: that is what the editor corrects or approves), else the one
 * readers see. Call it after {@link lockTranslation}, in the same transaction, so that the
 * values kept are the latest and no other editor's change in between is undone.
 *
 * @example
 * const content = await keepUnsent(tx, articleId, 'de', current, { title, body });
 */
export async function keepUnsent(
  tx: Queryable,
  articleId: string,
  language: LanguageCode,
  current: Pick<LockedTranslation, 'revision' | 'status'>,
  edit: EditedContent,
): Promise<ArticleContent> {
  const { title, body, summary, categories, image } = edit;
  if (summary !== undefined && categories !== undefined && image !== undefined) {
    return { title, body, summary, categories, image };
  }
  type Kept = Pick<ContentColumns, 'summary' | 'categories' | 'image_alt'> & {
    image_url: string | null;
  };
  // The image is the source's (its current revision's); only its alt text is the language's.
  const imageUrl = `(SELECT r.image_url FROM articles a
                      JOIN revisions r ON r.article_id = a.id AND r.revision = a.current_revision
                     WHERE a.id = $1) AS image_url`;
  const [kept] =
    current.status === 'needs_review'
      ? await tx.query<Kept>(
          `SELECT summary, categories, image_alt, ${imageUrl} FROM translation_versions
            WHERE article_id = $1 AND language = $2 AND revision = $3 AND origin = 'machine'
            ORDER BY id DESC LIMIT 1`,
          [articleId, language, current.revision],
        )
      : await tx.query<Kept>(
          `SELECT summary, categories, image_alt, ${imageUrl} FROM translations
            WHERE article_id = $1 AND language = $2`,
          [articleId, language],
        );
  const keptImage =
    kept?.image_url != null && kept.image_alt !== null
      ? { url: kept.image_url, alt: kept.image_alt }
      : undefined;
  return {
    title,
    body,
    summary: summary ?? kept?.summary ?? '',
    categories: categories ?? kept?.categories ?? [],
    image: image ?? keptImage,
  };
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
 * (or its absence) goes with it. Its times are its own: a machine version's start and
 * finish are the model's; an editor's version has no start (no model made it) and finished
 * when the editor saved it, so the two never read as a translation time.
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
            started_at = CASE WHEN v.origin = 'machine' THEN COALESCE(v.started_at, t.started_at) END,
            finished_at = v.finished_at,
            published_at = COALESCE(t.published_at, now()), content_updated_at = now()
       FROM translation_versions v
      WHERE v.id = $1 AND t.article_id = v.article_id AND t.language = v.language`,
    [versionId, titleKey(title)],
  );
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
