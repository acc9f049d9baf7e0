import { LANGUAGE_CODES } from '@tidings/core';
import type { Queryable } from './database.ts';

/** `base` itself for n = 1, else `base-n`. */
function numbered(base: string, n: number): string {
  return n === 1 ? base : `${base}-${n}`;
}

/**
 * SQL that says whether an article or a language version uses the slug `slug` (an SQL
 * expression), by exact lookups on their unique indexes; `languages` is the parameter
 * holding every language code (`LANGUAGE_CODES`).
 *
 * @example
 * await tx.query(`SELECT ${takenSql('$1', '$2')} AS taken`, [slug, LANGUAGE_CODES]);
 */
export function takenSql(slug: string, languages: string): string {
  return `EXISTS (SELECT 1 FROM articles WHERE slug = ${slug})
    OR EXISTS (SELECT 1 FROM translations WHERE language = ANY(${languages}::text[]) AND slug = ${slug})`;
}

/**
 * SQL that bumps the counter of the base in parameter `base` and returns its next slug
 * (`slug`): the first half of {@link freeSlug}, for a statement that checks it itself.
 *
 * @example
 * await tx.query(`WITH n AS (${nextSlugSql('$1')}) SELECT slug FROM n`, [base]);
 */
export function nextSlugSql(base: string): string {
  return `INSERT INTO slug_bases (base, last) VALUES (${base}, 1)
       ON CONFLICT (base) DO UPDATE SET last = slug_bases.last + 1
       RETURNING last, CASE WHEN last = 1 THEN ${base} ELSE ${base} || '-' || last END AS slug`;
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
 * The taken check reads the snapshot of the statement that bumped the counter, taken before it
 * waited for the counter's row: a slug of another base (given explicitly, or a translated title)
 * committed during that wait can be missed. Between articles their unique index catches it (the
 * write is retried); between an article's slug and another's translated one nothing does. Both
 * need that exact slug committed in that instant, so the window is accepted, and named here.
 *
 * @example
 * const slug = await freeSlug(tx, slugify(title));
 */
export async function freeSlug(tx: Queryable, base: string): Promise<string> {
  const [row] = await tx.query<{ last: number; taken: boolean }>(
    `WITH c AS (${nextSlugSql('$1')})
     SELECT c.last, ${takenSql('c.slug', '$2')} AS taken FROM c`,
    [base, LANGUAGE_CODES],
  );
  if (!row) throw new Error(`No slug counter for ${JSON.stringify(base)}`);
  let n = row.last;
  let taken = row.taken;
  while (taken) {
    n++;
    const [next] = await tx.query<{ taken: boolean }>(`SELECT ${takenSql('$1', '$2')} AS taken`, [
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
