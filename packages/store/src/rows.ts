import {
  type ArticleContent,
  type FailureReasonData,
  failureReasonSchema,
  type LanguageCode,
  type ReviewReasonData,
  type SegmentOrigins,
  type TranslationStatus,
} from '@tidings/core';
import type { LanguageState } from './types.ts';

/** A `translations` row as both drivers return it (timestamps as `Date`, jsonb parsed). */
export interface TranslationRow {
  article_id: string;
  language: LanguageCode;
  revision: number;
  status: TranslationStatus;
  title: string | null;
  summary: string | null;
  body: string | null;
  categories: string[] | null;
  image_alt: string | null;
  content_revision: number | null;
  model: string | null;
  reason: string | null;
  /** Review reasons; for a `failed` language, its one failure reason (both as data). */
  reasons: ReviewReasonData[] | FailureReasonData[] | null;
  edited_by: string | null;
  approved_by: string | null;
  approved_at: Date | null;
  queued_at: Date | null;
  started_at: Date | null;
  finished_at: Date | null;
  published_at: Date | null;
  content_updated_at: Date | null;
  slug: string | null;
  segment_origins: SegmentOrigins | null;
}

/** The columns of a `translations` row that say where its language stands (no content). */
export type LanguageStateRow = Pick<
  TranslationRow,
  | 'language'
  | 'status'
  | 'revision'
  | 'content_revision'
  | 'model'
  | 'reason'
  | 'reasons'
  | 'edited_by'
  | 'approved_by'
  | 'approved_at'
  | 'queued_at'
  | 'started_at'
  | 'finished_at'
  | 'published_at'
  | 'content_updated_at'
  | 'slug'
>;

/** {@link LanguageStateRow}'s columns, for a `SELECT` or `RETURNING` list. */
export const LANGUAGE_STATE_COLUMNS =
  'language, status, revision, content_revision, model, reason, reasons, edited_by, approved_by, approved_at, queued_at, started_at, finished_at, published_at, content_updated_at, slug';

/**
 * Maps a `translations` row (its state columns are enough) to the public {@link LanguageState}.
 *
 * @example
 * const languages = rows.map(toLanguageState);
 */
export function toLanguageState(row: LanguageStateRow): LanguageState {
  return {
    language: row.language,
    status: row.status,
    revision: row.revision,
    contentRevision: row.content_revision,
    model: row.model,
    reason: row.reason,
    reasons: row.status === 'failed' ? [] : ((row.reasons as ReviewReasonData[] | null) ?? []),
    failure: row.status === 'failed' ? keptFailure(row) : null,
    editedBy: row.edited_by,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    queuedAt: row.queued_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    publishedAt: row.published_at,
    updatedAt: row.content_updated_at,
    slug: row.slug,
  };
}

/**
 * A failed language's failure as data: the one the store kept, or, for a failure kept before
 * failures had codes (only its text), that text as a `translation-error`.
 */
function keptFailure(row: Pick<TranslationRow, 'reason' | 'reasons'>): FailureReasonData {
  const kept = failureReasonSchema.safeParse(row.reasons?.[0]);
  if (kept.success) return kept.data;
  return { code: 'translation-error', message: row.reason ?? '' };
}

/** Content columns shared by revisions, translations and translation versions. */
export interface ContentColumns {
  title: string | null;
  summary: string | null;
  body: string | null;
  categories: string[] | null;
  image_alt: string | null;
}

/**
 * Builds an {@link ArticleContent} from content columns and the source's image URL;
 * `null` when the row holds no content yet.
 *
 * @example
 * toContent(row, revision.image_url);
 */
export function toContent(row: ContentColumns, imageUrl: string | null): ArticleContent | null {
  if (row.title === null || row.body === null) return null;
  return {
    title: row.title,
    summary: row.summary ?? '',
    body: row.body,
    categories: row.categories ?? [],
    ...(imageUrl !== null ? { image: { url: imageUrl, alt: row.image_alt ?? '' } } : {}),
  };
}
