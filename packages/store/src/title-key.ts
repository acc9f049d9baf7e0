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
 * `LIKE` patterns (escape character `\`), one per word of `query`: a title whose key contains
 * every one of them, in any order, matches ("jef ukraine" finds "Ukraine joins the JEF").
 *
 * @example
 * titleSearchPatterns('Kyiv 50%'); // ['%kyiv%', '%50\\%%']
 */
export function titleSearchPatterns(query: string): string[] {
  return titleKey(query)
    .split(' ')
    .filter((word) => word !== '')
    .map((word) => `%${word.replace(/[\\%_]/g, '\\$&')}%`);
}
