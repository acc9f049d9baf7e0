/**
 * A title as the listing searches it: Unicode-decomposed, without combining marks, lower
 * case, spaces collapsed. Computed here rather than in SQL so that PGlite and PostgreSQL agree
 * whatever their collation (and PostgreSQL's `unaccent` is an extension Tidings does not need).
 *
 * @example
 * titleKey('Éxito en Kyiv'); // 'exito en kyiv'
 */
export function titleKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * A `LIKE` pattern (escape character `\`) matching titles whose key contains the key of `query`.
 *
 * @example
 * titleSearchPattern('50%'); // '%50\\%%'
 */
export function titleSearchPattern(query: string): string {
  return `%${titleKey(query).replace(/[\\%_]/g, '\\$&')}%`;
}
