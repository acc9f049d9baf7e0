import type { GateProblem } from './quality-gate.ts';

/**
 * What is wrong with one translated segment, as data: a stable `code` and the fields a person
 * needs (the human sentence is chosen per language from the code, in `locales/{lang}/review.json`):
 * what the quality gate found, or runs of the source the output lost.
 *
 * @example
 * const problem: SegmentProblem = { code: 'lost-foreign-run', runs: ['محمد بن سلمان'] };
 */
export type SegmentProblem =
  | GateProblem
  /** Runs of letters in a script foreign to the source that the output lacks. */
  | { readonly code: 'lost-foreign-run'; readonly runs: readonly string[] }
  /** Protected runs (an address, a name, a term, `translate="no"`, code) the output lacks. */
  | { readonly code: 'lost-protected-run'; readonly runs: readonly string[] };

/** The code of a {@link ReviewReason}. */
export type ReviewReasonCode = SegmentProblem['code'];

/**
 * Every review reason code, for what must have a text per language (the locales' parity test).
 * The compiler holds it to {@link ReviewReasonCode}: a code added to the union and not here,
 * or here and not in the union, does not compile.
 */
export const REVIEW_REASON_CODES = [
  'placeholder-unknown',
  'placeholder-missing',
  'placeholder-repeated',
  'placeholder-out-of-order',
  'empty-translation',
  'number-missing',
  'repetition-loop',
  'length-ratio',
  'lost-foreign-run',
  'lost-protected-run',
] as const satisfies readonly ReviewReasonCode[];

// Fails to compile when the list above misses a code of the union.
const everyCode: Exclude<ReviewReasonCode, (typeof REVIEW_REASON_CODES)[number]> extends never
  ? true
  : false = true;
void everyCode;

/**
 * Why a language version must be reviewed before it is published: a segment's problem and the
 * segment it is about (its source text, shortened).
 *
 * @example
 * const reason: ReviewReason = { code: 'lost-foreign-run', runs: ['习近平'], segment: 'Met 习近平.' };
 */
export type ReviewReason = SegmentProblem & { readonly segment: string };

/** A key that is equal for equal reasons, to list each once. */
export function reasonKey(reason: ReviewReason): string {
  return JSON.stringify(reason);
}
