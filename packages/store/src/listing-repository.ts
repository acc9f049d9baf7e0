import type { LanguageCode, TranslationStatus } from '@tidings/core';
import { LANGUAGE_CODES } from '@tidings/core';
import type { Database } from './database.ts';
import { cursorTime, decodeCursor, encodeCursor } from './keyset-cursor.ts';
import { type ContentColumns, toContent } from './rows.ts';
import type { ListedArticle, ListedPage, ListingVersion } from './types.ts';

/** Options of {@link ListingRepository.listPublished}. */
export interface ListOptions {
  /** Page size, 1 to 200. */
  readonly limit: number;
  /** The `nextCursor` of the previous page. */
  readonly before?: string | undefined;
  /** Only articles with this category, as named in this language. */
  readonly category?: string | undefined;
}

interface VersionRow {
  live: string;
  stamp: string | null;
  changed_at: Date | null;
  all_live: string;
  all_published_at: Date | null;
}

interface ListedRow extends ContentColumns {
  id: string;
  slug: string;
  language: LanguageCode;
  source_language: LanguageCode;
  status: TranslationStatus;
  model: string | null;
  reviewed: boolean;
  image_url: string | null;
  published_at: Date;
  content_updated_at: Date;
  cursor_at: string;
  slugs: Partial<Record<LanguageCode, string>>;
  legacy_entry_id: boolean;
}

/**
 * What feeds and pages show: the live versions of one language, newest first.
 *
 * @example
 * const page = await listing.listPublished('uk', { limit: 20 });
 * const next = await listing.listPublished('uk', { limit: 20, before: page.nextCursor ?? undefined });
 */
export class ListingRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /**
   * How many language versions of live (not retracted) articles are in each state, for
   * metrics: one grouped scan of the translations.
   */
  async countByStatus(): Promise<
    { language: LanguageCode; status: TranslationStatus; count: number }[]
  > {
    return this.#db.query(
      `SELECT t.language, t.status, count(*)::int AS count
         FROM translations t JOIN articles a ON a.id = t.article_id
        WHERE a.retracted_at IS NULL
        GROUP BY t.language, t.status`,
    );
  }

  /**
   * A language's listing version, read from the tables on every call so that several API
   * processes sharing one PostgreSQL each notice the others' writes.
   *
   * - `live` and `stamp` (count, and the exact sum of `content_updated_at`) change when an
   *   article in this language is published, corrected or retracted, even when two writers'
   *   transactions commit out of timestamp order (a `max` would miss the older one).
   * - `all_live` changes when any language of any article goes live, which adds an
   *   `hreflang` alternate to the entries of the other languages.
   */
  async listingVersion(language: LanguageCode): Promise<ListingVersion> {
    const [row] = await this.#db.query<VersionRow>(
      `SELECT count(*) FILTER (WHERE a.retracted_at IS NULL)::text AS live,
              (sum(extract(epoch FROM t.content_updated_at)) FILTER (WHERE a.retracted_at IS NULL))::text AS stamp,
              max(GREATEST(t.content_updated_at, a.retracted_at)) AS changed_at,
              g.all_live::text AS all_live, g.all_published_at
         FROM translations t
         JOIN articles a ON a.id = t.article_id
        CROSS JOIN (SELECT count(*) AS all_live, max(published_at) AS all_published_at
                      FROM translations WHERE published_at IS NOT NULL) g
        WHERE t.language = $1 AND t.published_at IS NOT NULL
        GROUP BY g.all_live, g.all_published_at`,
      [language],
    );
    if (!row) return { key: 'empty', changedAt: new Date(0) };
    const times = [row.changed_at, row.all_published_at].filter((d): d is Date => d !== null);
    return {
      key: `${row.live}:${row.stamp ?? ''}:${row.all_live}`,
      changedAt: new Date(Math.max(0, ...times.map((d) => d.getTime()))),
    };
  }

  /**
   * Articles live in `language` (not retracted), newest first by when that language went
   * live, with keyset pagination (`before`), optionally of one category. Each item carries
   * the other languages it is live in, for links and `hreflang`.
   */
  async listPublished(language: LanguageCode, options: ListOptions): Promise<ListedPage> {
    const limit = Math.min(Math.max(Math.trunc(options.limit), 1), 200);
    const params: unknown[] = [language, limit + 1];
    // Conditions are added only when used, so that each query shape gets a plan that
    // walks translations_live_idx instead of one generic plan for every combination.
    const conditions: string[] = [];
    if (options.before !== undefined) {
      const [at, id] = decodeCursor(options.before);
      params.push(at, id);
      conditions.push(
        `(t.published_at, t.article_id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    if (options.category !== undefined) {
      params.push(JSON.stringify([options.category]));
      conditions.push(`t.categories @> $${params.length}::jsonb`);
    }
    const rows = await this.#db.query<ListedRow>(
      `SELECT a.id, COALESCE(t.slug, a.slug) AS slug, t.legacy_entry_id, t.language, a.source_language, t.status, t.model,
              t.approved_at IS NOT NULL AS reviewed, t.title, t.summary, t.body, t.categories, t.image_alt, r.image_url,
              t.published_at, t.content_updated_at, ${cursorTime('t.published_at')} AS cursor_at,
              (SELECT jsonb_object_agg(o.language, COALESCE(o.slug, a.slug)) FROM translations o
                WHERE o.article_id = t.article_id AND o.published_at IS NOT NULL) AS slugs
         FROM translations t
         JOIN articles a ON a.id = t.article_id
         JOIN revisions r ON r.article_id = a.id AND r.revision = a.current_revision
        WHERE t.language = $1 AND t.published_at IS NOT NULL AND a.retracted_at IS NULL
              ${conditions.map((c) => `AND ${c}`).join(' ')}
        ORDER BY t.published_at DESC, t.article_id DESC
        LIMIT $2`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toListed),
      nextCursor: rows.length > limit && last ? encodeCursor(last.cursor_at, last.id) : null,
    };
  }
}

function toListed(row: ListedRow): ListedArticle {
  const content = toContent(row, row.image_url);
  if (!content) throw new Error(`Live version ${row.id}/${row.language} has no content`);
  return {
    id: row.id,
    slug: row.slug,
    language: row.language,
    sourceLanguage: row.source_language,
    status: row.status,
    model: row.model,
    reviewed: row.reviewed,
    content,
    publishedAt: row.published_at,
    updatedAt: row.content_updated_at,
    slugs: row.slugs,
    legacyEntryId: row.legacy_entry_id,
    languages: LANGUAGE_CODES.filter((code) => row.slugs[code] !== undefined),
  };
}
