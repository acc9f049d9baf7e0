/** The case patterns a dictionary model preserves. */
export type CaseForm = 'lower' | 'capitalized' | 'upper';

/** Case patterns in the order that decides which wins when two spell the same (`I`). */
export const CASE_FORMS: readonly CaseForm[] = ['lower', 'capitalized', 'upper'];

/**
 * A lower-case word written in a case pattern: `ukraine` -> `ukraine`, `Ukraine`, `UKRAINE`.
 *
 * @example
 * inCase('ucrania', 'capitalized'); // 'Ucrania'
 */
export function inCase(word: string, form: CaseForm): string {
  if (form === 'lower') return word;
  if (form === 'upper') return word.toUpperCase();
  const [first = '', ...rest] = word;
  return first.toUpperCase() + rest.join('');
}
