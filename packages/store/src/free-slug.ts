import { LANGUAGE_CODES } from '@tidings/core';
import type { Queryable } from './database.ts';

/** `base` itself for n = 1, else `base-n`. */
function numbered(base: string, n: number): string {
  return n === 1 ? base : `${base}-${n}`;
}

/**
 * Whether an article or a language version uses the slug `slug` (an SQL expression), by
 * exact lookups on their unique indexes; `$2` is the list of languages.
 */
function takenSql(slug: string): string {
  return `EXISTS (SELECT 1 FROM articles WHERE slug = ${slug})
    OR EXISTS (SELECT 1 FROM translations WHERE language = ANY($2::text[]) AND slug = ${slug})`;
}

/**
 * A slug not yet used by any article or any language version, `base` itself or `base-2`,
 * `base-3`…: one slug names one page whatever the language in its path, so an article's own
 * slug (which reaches its versions not yet translated) never meets another's translated one.
 *
 * Each base has a counter (`slug_bases`): the next number is the last one handed out plus
 * one, checked by exact lookups and passed over while taken (a slug given explicitly, or
 * stored before the counter existed). Writers deriving from the same base take turns (the
 * counter's row stays locked until commit), so ten concurrent posts titled alike get ten
 * slugs; the cost no longer grows with the number of articles under one headline.
 *
 * @example
 * const slug = await freeSlug(tx, slugify(title));
 */
export async function freeSlug(tx: Queryable, base: string): Promise<string> {
  const [row] = await tx.query<{ last: number; taken: boolean }>(
    `WITH c AS (
       INSERT INTO slug_bases (base, last) VALUES ($1, 1)
       ON CONFLICT (base) DO UPDATE SET last = slug_bases.last + 1
       RETURNING last
     )
     SELECT c.last, ${takenSql('s.slug')} AS taken
       FROM c, LATERAL (SELECT CASE WHEN c.last = 1 THEN $1 ELSE $1 || '-' || c.last END AS slug) s`,
    [base, LANGUAGE_CODES],
  );
  if (!row) throw new Error(`No slug counter for ${JSON.stringify(base)}`);
  let n = row.last;
  let taken = row.taken;
  while (taken) {
    n++;
    const [next] = await tx.query<{ taken: boolean }>(`SELECT ${takenSql('$1')} AS taken`, [
      numbered(base, n),
      LANGUAGE_CODES,
    ]);
    taken = next?.taken ?? false;
  }
  if (n !== row.last) {
    await tx.query('UPDATE slug_bases SET last = $2 WHERE base = $1', [base, n]);
  }
  return numbered(base, n);
}
