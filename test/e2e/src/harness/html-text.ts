const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#39': "'",
  '#x27': "'",
};

/**
 * The text of each paragraph of an HTML body, tags dropped and entities decoded, to compare
 * with what a reader sees.
 *
 * @example
 * paragraphs('<p>a &amp; b</p><p>c</p>'); // ['a & b', 'c']
 */
export function paragraphs(html: string): string[] {
  return [...html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/<[^>]*>/g, '')
      .replace(/&(#?\w+);/g, (all, name: string) => ENTITIES[name] ?? all)
      .replace(/\s+/g, ' ')
      .trim(),
  );
}
