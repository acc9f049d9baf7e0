import type { Queryable } from './database.ts';

/**
 * A slug not yet used by any article or any language version, `base` itself or `base-2`,
 * `base-3`…: one slug names one page whatever the language in its path, so an article's own
 * slug (which reaches its versions not yet translated) never meets another's translated one.
 * Writers deriving the same slug take turns (the lock is held until commit), so each sees the
 * slugs the others committed: ten concurrent posts titled alike all get stored.
 *
 * @example
 * const slug = await freeSlug(tx, slugify(title));
 */
export async function freeSlug(tx: Queryable, base: string): Promise<string> {
  await tx.query(
    `SELECT pg_advisory_xact_lock(hashtext('tidings:slug:' || current_schema() || ':' || $1))`,
    [base],
  );
  const rows = await tx.query<{ slug: string }>(
    `SELECT slug FROM articles WHERE slug = $1 OR slug LIKE $1 || '-%'
     UNION
     SELECT slug FROM translations WHERE slug = $1 OR slug LIKE $1 || '-%'`,
    [base],
  );
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
