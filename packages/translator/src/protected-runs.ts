import type { LanguageCode } from '@tidings/core';
import { LinkifyIt } from 'linkify-it';

/** Why a run of text is kept away from the model. */
export type ProtectedKind = 'script' | 'url' | 'email' | 'emoji';

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
 * a foreign script and emoji, in order and without overlaps (an address wins over a run inside
 * it).
 *
 * @example
 * protectedRuns('Shmyhal (t.me/x) met 习近平.', 'en').map((r) => r.kind); // ['url', 'script']
 */
export function protectedRuns(text: string, source: LanguageCode): ProtectedRun[] {
  const found = addresses(text);
  for (const run of foreignRuns(text, source)) {
    if (!found.some((a) => a.start < run.end && run.start < a.end)) {
      found.push({ ...run, kind: 'script' });
    }
  }
  for (const run of emojiRuns(text)) {
    if (!found.some((a) => a.start < run.end && run.start < a.end)) {
      found.push({ ...run, kind: 'emoji' });
    }
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
