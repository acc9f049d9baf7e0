import { CONCEPT_ROWS } from './concept-rows.ts';
import { LANGUAGES, type Language } from './languages.ts';

/** One concept: its word in each language, or `undefined` where a language has none. */
export type Concept = Readonly<Record<Language, string | undefined>>;

/** The concept table, parsed from {@link CONCEPT_ROWS}. */
export const CONCEPTS: readonly Concept[] = CONCEPT_ROWS.map((row) => {
  const cells = row.split('|');
  if (cells.length !== LANGUAGES.length) {
    throw new Error(`concept row "${row}" needs ${LANGUAGES.length} cells`);
  }
  const concept: Partial<Record<Language, string | undefined>> = {};
  LANGUAGES.forEach((lang, i) => {
    const cell = cells[i];
    concept[lang] = cell ? cell : undefined;
  });
  return concept as Concept;
});
