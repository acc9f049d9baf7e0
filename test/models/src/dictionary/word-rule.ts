/**
 * Where a dictionary word may stand inside a whitespace-delimited chunk: at its start or after
 * an opening mark, and at its end or before a closing mark. So `"Grateful`, `(JEF)`,
 * `Ukraine,` and `Ukraine’s` translate their word, while `t.me/Denys_Smyhal`, `long-range`
 * and `Ukrainians` (not in the table) stay as they are.
 */
export const OPENING_MARKS = '"\'“„«‘([¿¡';

/** Marks after which a dictionary word may end; see {@link OPENING_MARKS}. */
export const CLOSING_MARKS = '"\'”»’),.;:!?]…';

const COVERED_RANGES: readonly [number, number][] = [
  [0x21, 0x7e], // ASCII
  [0xa1, 0x36f], // Latin-1, Latin Extended A/B, IPA, modifier letters (ʼ), combining marks
  [0x370, 0x52f], // Greek, Cyrillic
  [0x1e00, 0x1fff], // Latin Extended Additional, Greek Extended
  [0x2010, 0x2bff], // punctuation, currency, letterlike, arrows, math, technical, shapes, dingbats
  [0x3001, 0x303f], // CJK punctuation (「」)
  [0xe000, 0xf8ff], // private use area (placeholders)
  [0xfe00, 0xfe0f], // variation selectors
  [0xff01, 0xffef], // full-width forms
  [0x1f000, 0x1faff], // emoji and pictographs
];

/** Every character a dictionary tokenizer spells out; any other character is lost. */
export function coveredCharacters(): string[] {
  const chars: string[] = [];
  for (const [from, to] of COVERED_RANGES) {
    for (let cp = from; cp <= to; cp++) chars.push(String.fromCodePoint(cp));
  }
  return chars;
}

/** Whether a dictionary tokenizer keeps this character (see {@link coveredCharacters}). */
export function isCovered(char: string): boolean {
  const cp = char.codePointAt(0) ?? 0;
  return COVERED_RANGES.some(([from, to]) => cp >= from && cp <= to);
}
