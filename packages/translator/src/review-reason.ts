import type { ReviewReasonData } from '@tidings/core';
import type { MarkupRepair } from './placeholder-repair.ts';
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
  | { readonly code: 'lost-protected-run'; readonly runs: readonly string[] }
  /**
   * Placeholders the model lost, moved, renumbered or repeated, repaired (see `repairSegment`):
   * nothing was lost, but the markup's place is the translator's guess.
   */
  | { readonly code: 'markup-repaired'; readonly repairs: readonly MarkupRepair[] };

/** The codes of problems that were repaired, not losses: see {@link isRepairOnly}. */
export const REPAIR_CODES: readonly SegmentProblem['code'][] = ['markup-repaired'];

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
  'truncated',
  'lost-foreign-run',
  'lost-protected-run',
  'markup-repaired',
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

/**
 * Whether every reason is a repair (nothing lost): such a version may be published with a flag
 * (PUBLISH_POLICY=flag); any other reason holds it for review.
 *
 * @example
 * isRepairOnly([{ code: 'markup-repaired', repairs: [], segment: 'Hi.' }]); // true
 */
export function isRepairOnly(reasons: readonly ReviewReason[]): boolean {
  return reasons.length > 0 && reasons.every((r) => REPAIR_CODES.includes(r.code));
}

/** A key that is equal for equal reasons, to list each once. */
export function reasonKey(reason: ReviewReason): string {
  return JSON.stringify(reason);
}

// The result message and the store parse reasons with the core's `reviewReasonSchema`, which
// mirrors {@link ReviewReason}: the compiler holds the two to one shape, each way, so a field or
// code added to one and not the other does not compile.
const sameShape: [ReviewReason] extends [ReviewReasonData]
  ? [ReviewReasonData] extends [ReviewReason]
    ? true
    : false
  : false = true;
void sameShape;
