import type { LanguageCode } from '@tidings/core';

/** A half-open range `[start, end)` of a text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

// Intl.Segmenter ends a sentence after "Lt." or "Gen."; a sentence that ends on one of these
// (or on a single capital, an initial) is joined to the next.
const ABBREVIATIONS: Record<LanguageCode, readonly string[]> = {
  en: [
    'mr',
    'mrs',
    'ms',
    'dr',
    'prof',
    'lt',
    'gen',
    'col',
    'capt',
    'sgt',
    'maj',
    'adm',
    'gov',
    'sen',
    'rep',
    'st',
    'no',
    'vs',
    'etc',
    'inc',
    'ltd',
    'jr',
    'sr',
    'jan',
    'feb',
    'aug',
    'sept',
    'oct',
    'nov',
    'dec',
    'approx',
    'e.g',
    'i.e',
    'u.s',
    'u.k',
  ],
  es: ['sr', 'sra', 'srta', 'dr', 'dra', 'prof', 'gral', 'núm', 'etc', 'ej', 'ee.uu', 'uu'],
  de: ['hr', 'fr', 'dr', 'prof', 'nr', 'bzw', 'z.b', 'usw', 'ca', 'gen', 'st', 'vgl', 'u.a', 'd.h'],
  fr: ['m', 'mm', 'mme', 'mlle', 'dr', 'pr', 'gén', 'st', 'ste', 'etc', 'n°', 'cf'],
  it: ['sig', 'sigg', 'dott', 'prof', 'gen', 'ing', 'avv', 'on', 'n', 'ecc', 'pag'],
  uk: [
    'ген',
    'п',
    'пп',
    'ім',
    'т.д',
    'т.п',
    'ст',
    'р',
    'рр',
    'тис',
    'млн',
    'млрд',
    'грн',
    'проф',
    'д-р',
  ],
};

const segmenters = new Map<LanguageCode, Intl.Segmenter>();

/**
 * Splits a text into sentences with `Intl.Segmenter` for the language, then splits any sentence
 * longer than `maxChars` at a clause boundary (`;`, `:`, `,`, a dash), else at a space, else
 * anywhere, so that no piece exceeds the model's limit and nothing is ever truncated.
 * Ranges are trimmed of surrounding whitespace; whitespace-only text yields none.
 *
 * @example
 * splitSentences('Lt. Gen. Buzzard met him. He left.', 'en', 1000);
 * // [{ start: 0, end: 25 }, { start: 26, end: 34 }]
 */
export function splitSentences(
  text: string,
  language: LanguageCode,
  maxChars: number,
): TextRange[] {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    segmenters.set(language, segmenter);
  }
  const merged: TextRange[] = [];
  let pending: TextRange | undefined;
  for (const { index, segment } of segmenter.segment(text)) {
    const range = { start: pending?.start ?? index, end: index + segment.length };
    if (endsWithAbbreviation(text.slice(range.start, range.end), language)) {
      pending = range;
      continue;
    }
    pending = undefined;
    merged.push(range);
  }
  if (pending) merged.push(pending);
  const out: TextRange[] = [];
  for (const range of merged) {
    const trimmed = trim(text, range);
    if (trimmed) splitLong(text, trimmed, maxChars, out);
  }
  return out;
}

function endsWithAbbreviation(sentence: string, language: LanguageCode): boolean {
  // Only the tail matters, and a bounded tail keeps this linear on a 2 MB run without spaces.
  const match = /(?:^|[\s(«"“])([\p{L}.°-]+)\.\s*$/u.exec(sentence.slice(-40));
  if (!match?.[1]) return false;
  const word = match[1];
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "John F. Kennedy"
  return ABBREVIATIONS[language].includes(word.toLowerCase());
}

function trim(text: string, range: TextRange): TextRange | undefined {
  let { start, end } = range;
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return start < end ? { start, end } : undefined;
}

function splitLong(text: string, range: TextRange, maxChars: number, out: TextRange[]): void {
  let start = range.start;
  while (range.end - start > maxChars) {
    const cut = cutPoint(text, start, start + maxChars);
    const piece = trim(text, { start, end: cut });
    if (piece) out.push(piece);
    start = cut;
    while (start < range.end && /\s/.test(text.charAt(start))) start++;
  }
  const last = trim(text, { start, end: range.end });
  if (last) out.push(last);
}

/** Where to end a piece that starts at `start` and may not pass `limit`. */
function cutPoint(text: string, start: number, limit: number): number {
  const window = text.slice(start, limit);
  const half = Math.floor(window.length / 2);
  const clause = lastMatch(window, /[;:,)](?=\s)|\s[–—-](?=\s)/g, half);
  if (clause !== undefined) return start + clause;
  const space = lastMatch(window, /\s/g, 1);
  if (space !== undefined) return start + space;
  // No space in sight (a URL, a run of garbage): cut anyway, but never inside a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

function lastMatch(window: string, pattern: RegExp, min: number): number | undefined {
  let found: number | undefined;
  for (const m of window.matchAll(pattern)) {
    const after = m.index + m[0].length;
    if (after >= min && m[0].trim() !== '') found = m.index + 1;
    else if (after >= min) found = m.index;
  }
  return found;
}
