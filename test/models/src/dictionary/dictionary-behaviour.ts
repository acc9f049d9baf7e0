/**
 * How a dictionary model treats what it is given. `faithful` copies every placeholder and
 * character it can spell; each other behaviour reproduces one failure reported of real
 * Opus-MT models (OPUS-CAT users: tags moved to the end or lost; `<unk>` for rare characters;
 * loops; truncation), done by the ONNX graphs themselves, so it reaches a translator through
 * the same pipeline as a real model's output.
 */
export const UNRULY_BEHAVIOURS = [
  /** Drops every placeholder (`<g1>`, `</g1>`, `<x2/>`). */
  'drop-tags',
  /** Drops the first placeholder only (a pair loses its opening tag, or a void is gone). */
  'drop-one-tag',
  /** Moves every placeholder to the end of the sentence, in order. */
  'tags-to-end',
  /** Writes placeholders with spaces inside (`< g 1 >`, `< / g 1 >`). */
  'spaced-tags',
  /** Adds one to every placeholder number (`<g1>` becomes `<g2>`). */
  'renumber-tags',
  /** Writes the first placeholder twice. */
  'duplicate-tag',
  /** Moves each placeholder one and a half words on, so a pair wraps the wrong words. */
  'misplace-tags',
  /** Has no piece for emoji, rare punctuation or `ʼ`: the tokenizer writes `<unk>`. */
  'unknown-characters',
  /** Never writes `</s>`: repeats the sentence until the length limit. */
  'loop',
  /** Stops halfway through the sentence. */
  'stop-early',
  /** Swaps `,` and `.` between digits (`1,000.5` becomes `1.000,5`). */
  'number-format',
] as const;

/** One unruly behaviour (see {@link UNRULY_BEHAVIOURS}). */
export type UnrulyBehaviour = (typeof UNRULY_BEHAVIOURS)[number];

/** How a dictionary model behaves: `faithful`, or one of {@link UNRULY_BEHAVIOURS}. */
export type DictionaryBehaviour = 'faithful' | UnrulyBehaviour;
