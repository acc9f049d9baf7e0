import { databaseOf, type Store } from '../store.ts';

const BULK_INSERT = `WITH a AS (
    INSERT INTO articles (publisher_key_id, source_language, slug, created_at, updated_at)
    SELECT $1, 'en', 'bulk-' || g, at, at
      FROM generate_series(1, $3::int) AS g,
           LATERAL (SELECT timestamptz '2025-01-01T00:00:00Z' + g * interval '1 minute' AS at) t
    RETURNING id, slug, created_at
  ), r AS (
    INSERT INTO revisions (article_id, revision, publisher_key_id, title, summary, body, categories, image_url, image_alt)
    SELECT id, 1, $1, 'Bulk article ' || slug, 'Summary of ' || slug, $2, '["Defence"]'::jsonb,
           'https://images.example.org/shmyhal.jpg', 'Denys Shmyhal'
      FROM a
  )
  INSERT INTO translations (article_id, language, revision, status, title, summary, body, categories,
                            image_alt, content_revision, started_at, finished_at, published_at, content_updated_at)
  SELECT id, 'en', 1, 'published', 'Bulk article ' || slug, 'Summary of ' || slug, $2, '["Defence"]'::jsonb,
         'Denys Shmyhal', 1, created_at, created_at, created_at, created_at
    FROM a`;

/**
 * Writes `count` English articles, already published, in one statement (`bulk-1` …, a minute
 * apart from 2025-01-01), and refreshes the planner's statistics: an archive of thousands
 * for feed tests and benchmarks in seconds rather than through the API.
 *
 * @example
 * await publishBulk(store, { publisherKeyId, count: 10_000, body: '<p>Text</p>' });
 */
export async function publishBulk(
  store: Store,
  options: { publisherKeyId: string; count: number; body: string },
): Promise<void> {
  const db = databaseOf(store);
  await db.query(BULK_INSERT, [options.publisherKeyId, options.body, options.count]);
  await db.query('ANALYZE');
}
