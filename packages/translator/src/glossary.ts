import { readFile } from 'node:fs/promises';
import { LANGUAGE_CODES, type LanguageCode } from '@tidings/core';
import { z } from 'zod';
import { TranslatorConfigError } from './errors.ts';
import { parseConfigData } from './parse-config-data.ts';

const languageCode = z.enum(LANGUAGE_CODES);

/**
 * JSON shape of a newsroom glossary (GLOSSARY). A term without `translations` is never
 * translated (names, brands); a term with them is always rendered that way in each listed
 * language, and kept as written in the others. `from` limits a term to articles in one language.
 *
 * @example
 * glossarySchema.parse({ terms: [{ source: 'Chas Pravdy' }, { source: 'JEF', translations: { uk: 'ОЕС' } }] });
 */
export const glossarySchema = z.strictObject({
  terms: z.array(
    z.strictObject({
      source: z.string().trim().min(1),
      from: languageCode.optional(),
      translations: z.partialRecord(languageCode, z.string().trim().min(1)).optional(),
      caseSensitive: z.boolean().default(true),
    }),
  ),
});

/** One glossary term, as validated. */
export type GlossaryTerm = z.output<typeof glossarySchema>['terms'][number];

/** Where a glossary term occurs in a text. */
export interface GlossaryMatch {
  readonly start: number;
  readonly end: number;
  readonly term: GlossaryTerm;
}

/**
 * A newsroom's protected and fixed terms, applied through placeholders so the model never sees
 * (and never mangles) them.
 *
 * @example
 * const glossary = new Glossary([{ source: 'Denys Shmyhal', caseSensitive: true }]);
 * glossary.find('Minister Denys Shmyhal said', 'en'); // [{ start: 9, end: 22, term }]
 */
export class Glossary {
  /** Every term, for reading (the API serves them). */
  readonly terms: readonly GlossaryTerm[];
  readonly #patterns: Map<LanguageCode | '*', RegExp | undefined> = new Map();

  constructor(terms: readonly GlossaryTerm[] = []) {
    this.terms = Object.freeze([...terms]);
  }

  /** An empty glossary. */
  static readonly EMPTY = new Glossary();

  /** Non-overlapping occurrences of terms in `text`, longest term first, left to right. */
  find(text: string, from: LanguageCode): GlossaryMatch[] {
    const pattern = this.#pattern(from);
    if (!pattern) return [];
    const matches: GlossaryMatch[] = [];
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) {
      const term = this.#termFor(m[0], from);
      if (term) matches.push({ start: m.index, end: m.index + m[0].length, term });
    }
    return matches;
  }

  /** How a term is written in `to`: its fixed translation, or itself. */
  render(term: GlossaryTerm, to: LanguageCode): string {
    return term.translations?.[to] ?? term.source;
  }

  #applicable(from: LanguageCode): GlossaryTerm[] {
    return this.terms
      .filter((t) => t.from === undefined || t.from === from)
      .sort((a, b) => b.source.length - a.source.length);
  }

  #termFor(found: string, from: LanguageCode): GlossaryTerm | undefined {
    return this.#applicable(from).find((t) =>
      t.caseSensitive ? t.source === found : t.source.toLowerCase() === found.toLowerCase(),
    );
  }

  #pattern(from: LanguageCode): RegExp | undefined {
    if (this.#patterns.has(from)) return this.#patterns.get(from);
    const terms = this.#applicable(from);
    // One alternation, longest first, so "Denys Shmyhal" wins over "Shmyhal"; the lookarounds
    // keep "JEF" from matching inside "JEFF" in every script.
    const pattern =
      terms.length === 0
        ? undefined
        : new RegExp(
            `(?<![\\p{L}\\p{N}_])(?:${terms
              .map((t) => (t.caseSensitive ? escapeRegExp(t.source) : caseless(t.source)))
              .join('|')})(?![\\p{L}\\p{N}_])`,
            'gu',
          );
    this.#patterns.set(from, pattern);
    return pattern;
  }
}

/**
 * Validates a glossary given as data.
 *
 * @example
 * parseGlossary({ terms: [{ source: 'Telegram' }] }).terms.length; // 1
 */
export function parseGlossary(data: unknown, source = '<inline>'): Glossary {
  return new Glossary(parseConfigData(glossarySchema, data, source).terms);
}

/**
 * Reads and validates a glossary JSON file (the GLOSSARY option).
 *
 * @example
 * const glossary = await loadGlossary('/etc/tidings/glossary.json');
 */
export async function loadGlossary(path: string): Promise<Glossary> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new TranslatorConfigError(path, `cannot read it as JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
  return parseGlossary(data, path);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A case-insensitive pattern for one alternative, without making the whole regex `i`. */
function caseless(text: string): string {
  return [...text]
    .map((ch) => {
      const lower = ch.toLowerCase();
      const upper = ch.toUpperCase();
      return lower === upper ? escapeRegExp(ch) : `[${escapeRegExp(lower)}${escapeRegExp(upper)}]`;
    })
    .join('');
}
