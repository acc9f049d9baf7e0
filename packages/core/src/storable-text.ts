import type { z } from 'zod';

/**
 * Refuses text the store cannot hold: a NUL character (U+0000), which neither PostgreSQL's
 * `text` nor its `jsonb` accepts (PGlite alike). The field is refused by code (`nul-character`),
 * so the API answers a 422 naming it, where the store would have failed with a 500.
 *
 * @example
 * const query = z.object({ q: storableText(z.string().trim().max(200)).optional() });
 * query.safeParse({ q: 'a\u0000b' }).success; // false: q, 'nul-character'
 */
export function storableText<S extends z.ZodType<string>>(schema: S): S {
  return schema.refine((text) => !text.includes('\u0000'), 'nul-character');
}
