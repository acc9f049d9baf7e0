/** The site's six languages, in the order of the concept table's columns. */
export const LANGUAGES = ['en', 'es', 'de', 'fr', 'it', 'uk'] as const;

/** One of the site's six languages. */
export type Language = (typeof LANGUAGES)[number];

/** A translation direction served by one model. */
export interface Direction {
  src: Language;
  tgt: Language;
}

const PAIRS: readonly [Language, Language][] = [
  ['en', 'es'],
  ['en', 'de'],
  ['en', 'fr'],
  ['en', 'it'],
  ['en', 'uk'],
  ['de', 'es'],
  ['es', 'fr'],
  ['de', 'fr'],
  ['es', 'it'],
];

/**
 * The directions that have a direct Opus-MT model (`Xenova/opus-mt-{src}-{tgt}`): both ways
 * for nine pairs, plus it->fr. Every other pair pivots through English.
 */
export const DICTIONARY_DIRECTIONS: readonly Direction[] = [
  ...PAIRS.flatMap(([a, b]): Direction[] => [
    { src: a, tgt: b },
    { src: b, tgt: a },
  ]),
  { src: 'it', tgt: 'fr' },
];

/** The model id of a direction, as in a production MODELS_DIR. */
export function modelId({ src, tgt }: Direction): string {
  return `Xenova/opus-mt-${src}-${tgt}`;
}
