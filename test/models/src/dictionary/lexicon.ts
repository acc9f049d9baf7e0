import { CASE_FORMS, inCase } from './case-forms.ts';
import { CONCEPTS } from './concepts.ts';
import type { Direction } from './languages.ts';

/**
 * The word-for-word lexicon of one direction: every source word in each case pattern, mapped
 * to the target word in the same pattern (`Ukraine` -> `Ucrania`, `UKRAINE` -> `UCRANIA`).
 * The first concept (and the first case pattern) to claim a source spelling wins.
 *
 * @example
 * lexicon({ src: 'en', tgt: 'es' }).get('Ukraine'); // 'Ucrania'
 */
export function lexicon({ src, tgt }: Direction): Map<string, string> {
  const map = new Map<string, string>();
  for (const concept of CONCEPTS) {
    const from = concept[src];
    const to = concept[tgt];
    if (from === undefined || to === undefined) continue;
    for (const form of CASE_FORMS) {
      const key = inCase(from, form);
      if (!map.has(key)) map.set(key, inCase(to, form));
    }
  }
  return map;
}
