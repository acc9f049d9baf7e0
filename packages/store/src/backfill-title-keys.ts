import type { Database } from './database.ts';
import { titleKey } from './title-key.ts';

/**
 * Gives every translation row written before titles were searchable its search key, a few
 * hundred rows at a time; returns how many it filled. Idempotent: run on every open.
 *
 * @example
 * await backfillTitleKeys(db);
 */
export async function backfillTitleKeys(db: Database): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await db.query<{ article_id: string; language: string; title: string }>(
      `SELECT article_id, language, title FROM translations
        WHERE title IS NOT NULL AND title_key IS NULL LIMIT 500`,
    );
    if (rows.length === 0) return filled;
    await db.query(
      `UPDATE translations t SET title_key = k.key
         FROM jsonb_to_recordset($1::jsonb) AS k(article_id uuid, language text, key text)
        WHERE t.article_id = k.article_id AND t.language = k.language`,
      [
        JSON.stringify(
          rows.map((r) => ({
            article_id: r.article_id,
            language: r.language,
            key: titleKey(r.title),
          })),
        ),
      ],
    );
    filled += rows.length;
  }
}
