import type { LanguageCode } from '@tidings/core';
import { LinkifyIt } from 'linkify-it';

/** Why a run of text is kept away from the model. */
export type ProtectedKind = 'script' | 'url' | 'email' | 'emoji' | 'compatibility';

/** A run of a text that is copied into every translation as it is. */
export interface ProtectedRun {
  readonly start: number;
  readonly end: number;
  readonly kind: ProtectedKind;
}

/** The script each source language is written in (Unicode script names). */
const SCRIPT_OF: Readonly<Record<LanguageCode, 'Latin' | 'Cyrillic'>> = {
  en: 'Latin',
  es: 'Latin',
  de: 'Latin',
  fr: 'Latin',
  it: 'Latin',
  uk: 'Cyrillic',
};

// A letter of another script than the source's. Common and Inherited letters (the Ukrainian
// apostrophe ʼ, ª) belong to every script. Runs go on over combining marks, and over one
// space, hyphen, apostrophe or dot between letters ("محمد بن سلمان", "Jean-Luc").
const FOREIGN = {
  Latin: '[\\p{L}--[\\p{sc=Latin}\\p{sc=Common}\\p{sc=Inherited}]]',
  Cyrillic: '[\\p{L}--[\\p{sc=Cyrillic}\\p{sc=Common}\\p{sc=Inherited}]]',
} as const;
const RUN = (letter: string): RegExp =>
  new RegExp(`${letter}(?:${letter}|\\p{M}|[ '’\\-‐.·](?=${letter}))*`, 'gv');
const RUNS = { Latin: RUN(FOREIGN.Latin), Cyrillic: RUN(FOREIGN.Cyrillic) } as const;

const linkify = new LinkifyIt({ fuzzyLink: true });

// An emoji with what joins or modifies it: flags (two regional indicators), skin tones, ZWJ
// sequences (👩‍💻), variation selectors, keycaps.
const EMOJI =
  /(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D}|\u{20E3})*/gu;

/**
 * The emoji of a text, as runs: real Opus-MT vocabularies have no piece for them, so the model
 * writes `<unk>` and the emoji vanishes from the translation.
 *
 * @example
 * emojiRuns('Slava 🇺🇦!'); // [{ start: 6, end: 10 }]
 */
export function emojiRuns(text: string): { start: number; end: number }[] {
  return [...text.matchAll(EMOJI)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

// A character a tokenizer's NFKC normalizer (every Opus-MT conversion has one) rewrites into
// something that reads differently: vulgar fractions and other `\p{No}` (`½` → `1⁄2`, so `2½`
// becomes `21⁄2`), superscript and subscript digits, signs and letters (`10⁶` → `106`, `m²` →
// `m2`, `CO₂` → `CO2`, `10⁻³` → `10-3`), number forms (`Ⅻ`), `№` (→ `No`) and the squared
// unit signs (`㎡` → `m2`). Only those NFKC changes count: `௰` is `\p{No}` and stays itself.
// Ligatures (`ﬁ`), full-width forms (`１２`), `…`, `℃` and `µ` fold to what reads the same,
// and ordinal indicators (`1.º`, `2ª`) are words each language writes its own way: the model
// may have them.
const COMPATIBILITY_CANDIDATE = /[\p{No}\u2070-\u209f\u2116\u2150-\u218f\u3371-\u33df]/u;

const COMPATIBILITY_ANY = new RegExp(COMPATIBILITY_CANDIDATE.source, 'u');

function isCompatibility(char: string): boolean {
  return COMPATIBILITY_CANDIDATE.test(char) && char.normalize('NFKC') !== char;
}

// A word with what is attached to it: letters, digits, marks, compatibility characters, and a
// `.` or `,` between two digits (`1,5²`). A stretch of more than three letters in it is a word
// to translate (`study¹`), not a unit or formula (`m²`, `km²`, `CO₂`, `H₂O`).
const ATTACHED = /(?:[\p{L}\p{N}\p{M}\u2070-\u209f\u2116\u3371-\u33df]|[.,](?=\p{Nd}))+/gu;
const WORD_LETTERS = /[\p{L}\p{M}]{4,}/u;
// A short word is kept whole only as a unit (`m²`, `km³`, `ft²`, `s⁻¹`) or a formula, which
// has a subscript (`CO₂`, `H₂O`); otherwise it is a word with its footnote mark (`EU¹`,
// `who²`), and only the mark is kept from the model.
const UNIT = /^(?:[nµμcdk]?m|ft|in|yd|mi|m?s|h|k?g|l)$/u;
const SUBSCRIPT = /[\u2080-\u209c]/u;

function keptWhole(word: string): boolean {
  if (WORD_LETTERS.test(word)) return false;
  const letters = word.replace(/[^\p{L}\p{M}]/gu, '');
  return letters === '' || SUBSCRIPT.test(word) || UNIT.test(letters);
}
const NUMBER_PART = /(?:[\p{N}\u2070-\u209f\u2116\u3371-\u33df]|[.,](?=\p{Nd}))+/gu;

/**
 * The numbers and units written with compatibility characters that NFKC would change (see
 * above), each with the number or short unit it is attached to: `2½`, `10⁶`, `m²`, `CO₂`,
 * `№5`, `10⁻³`. A tokenizer would hand the model `21⁄2`, `106`, `m2`, so they are kept from it
 * and put back as written. In a longer word (`study¹`), or a short one that is no unit or
 * formula (`EU¹`), only the characters and the digits beside them are, and the word is left to
 * the model.
 *
 * @example
 * compatibilityRuns('Up 2½ %, 35 m² and CO₂; a study¹; ﬁne.'); // [{ start: 3, end: 5 }, { start: 12, end: 14 }, { start: 19, end: 22 }, { start: 31, end: 32 }]
 */
export function compatibilityRuns(text: string): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  if (!COMPATIBILITY_ANY.test(text)) return runs;
  for (const m of text.matchAll(ATTACHED)) {
    const word = m[0];
    if (![...word].some(isCompatibility)) continue;
    if (keptWhole(word)) {
      runs.push({ start: m.index, end: m.index + word.length });
      continue;
    }
    for (const part of word.matchAll(NUMBER_PART)) {
      if (![...part[0]].some(isCompatibility)) continue;
      runs.push({ start: m.index + part.index, end: m.index + part.index + part[0].length });
    }
  }
  return runs;
}

/**
 * The runs of letters in a script foreign to the source language: Arabic, Hebrew, Chinese,
 * Georgian, Greek or Cyrillic names in a Latin-script article; in a Ukrainian article, Latin
 * runs with a capital letter (names and acronyms: `Emmanuel Macron`, `JEF`), while lowercase
 * Latin words are left to the model. Models drop or mangle such runs (they are rare in their
 * training data, or missing from their vocabulary), and they never need translating.
 *
 * @example
 * foreignRuns('Met with محمد بن سلمان and 习近平.', 'en'); // [{ start: 9, end: 22 }, { start: 27, end: 30 }]
 */
export function foreignRuns(text: string, source: LanguageCode): { start: number; end: number }[] {
  const script = SCRIPT_OF[source];
  const runs: { start: number; end: number }[] = [];
  for (const m of text.matchAll(RUNS[script])) {
    if (script === 'Cyrillic' && !/\p{Lu}/u.test(m[0])) continue;
    runs.push({ start: m.index, end: m.index + m[0].length });
  }
  return runs;
}

/**
 * URLs and e-mail addresses in a text (found by linkify-it; a bare domain only when its host is
 * in lowercase, so "ended.No one" is a sentence, not a link to Norway).
 *
 * @example
 * addresses('Write to press@mod.gov.ua or see t.me/x.'); // [{ start: 9, end: 25, kind: 'email' }, { start: 33, end: 39, kind: 'url' }]
 */
export function addresses(text: string): ProtectedRun[] {
  const found: ProtectedRun[] = [];
  for (const m of linkify.match(text) ?? []) {
    const host = m.raw.split('/')[0] ?? '';
    if (m.schema === '' && host !== host.toLowerCase()) continue;
    found.push({
      start: m.index,
      end: m.lastIndex,
      kind: m.schema === 'mailto:' ? 'email' : 'url',
    });
  }
  return found;
}

/**
 * Everything in a text that the model must not see as words: URLs, e-mail addresses, runs in
 * a foreign script, emoji, and numbers or units written with compatibility characters (see
 * {@link compatibilityRuns}), in order and without overlaps (an address wins over a run inside
 * it; a foreign run and a compatibility run that share letters are one).
 *
 * @example
 * protectedRuns('Shmyhal (t.me/x) met 习近平.', 'en').map((r) => r.kind); // ['url', 'script']
 */
export function protectedRuns(text: string, source: LanguageCode): ProtectedRun[] {
  const found = addresses(text);
  const free = (run: { start: number; end: number }): boolean =>
    !found.some((a) => a.start < run.end && run.start < a.end);
  let compatibility = compatibilityRuns(text).filter(free);
  for (const run of foreignRuns(text, source)) {
    if (!free(run)) continue;
    // A compatibility run that shares letters with a foreign run (`CO₂` in a Ukrainian article,
    // whose `CO` is one) joins it: the model sees neither.
    const joined = compatibility.filter((c) => c.start < run.end && run.start < c.end);
    compatibility = compatibility.filter((c) => !joined.includes(c));
    found.push({
      start: Math.min(run.start, ...joined.map((c) => c.start)),
      end: Math.max(run.end, ...joined.map((c) => c.end)),
      kind: 'script',
    });
  }
  for (const run of emojiRuns(text)) {
    if (free(run)) found.push({ ...run, kind: 'emoji' });
  }
  for (const run of compatibility) {
    if (free(run)) found.push({ ...run, kind: 'compatibility' });
  }
  return found.sort((a, b) => a.start - b.start);
}

const PLACEHOLDER = /<\s*\/?\s*[gx]\s*\d{1,3}\s*\/?\s*>/gi;

/**
 * The runs of letters in a script foreign to the source (see `foreignRuns`) that a translation
 * lacks: a model that cannot spell Arabic or Chinese drops such a name or writes `<unk>` for
 * it, and the sentence reads fine without it. Runs kept from the model as placeholders are
 * checked with the placeholders, not here.
 *
 * @example
 * lostForeignRuns('Met with محمد and 习近平.', 'Met with and 习近平.', 'en'); // ['محمد']
 */
export function lostForeignRuns(input: string, output: string, from: LanguageCode): string[] {
  const source = input.replace(PLACEHOLDER, ' ').normalize('NFC');
  const target = output.replace(PLACEHOLDER, ' ').normalize('NFC').replace(/\s+/g, ' ');
  const lost = new Set<string>();
  for (const run of foreignRuns(source, from)) {
    const text = source.slice(run.start, run.end).replace(/\s+/g, ' ');
    if (!target.includes(text)) lost.add(text);
  }
  return [...lost];
}
