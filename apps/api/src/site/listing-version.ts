import type { LanguageCode } from '@tidings/core';
import type { Queryable } from '@tidings/store';

/** What a language's listing looks like right now, cheaply: enough to tell that it changed. */
export interface ListingVersion {
  /** Opaque; equal strings mean the listing (and every item's alternates) is unchanged. */
  readonly key: string;
  /** The newest change that can have altered the listing, for `Last-Modified`. */
  readonly changedAt: Date;
}

interface VersionRow {
  live: string;
  stamp: string | null;
  changed_at: Date | null;
  all_live: string;
  all_published_at: Date | null;
}

/**
 * Reads a language's listing version straight from the store's tables, so that several API
 * processes sharing one PostgreSQL each notice the others' writes. It belongs in the store
 * (`Store.listingVersion`); it lives here until the store has it.
 *
 * - `live` and `stamp` (count, and the exact sum of `content_updated_at`) change when an
 *   article in this language is published, corrected or retracted, even when two writers'
 *   transactions commit out of timestamp order (a `max` would miss the older one).
 * - `all_live` changes when any language of any article goes live, which adds an
 *   `hreflang` alternate to the entries of the other languages.
 *
 * @example
 * const { key } = await listingVersion(store.db, 'uk');
 */
export async function listingVersion(
  db: Queryable,
  language: LanguageCode,
): Promise<ListingVersion> {
  const [row] = await db.query<VersionRow>(
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
