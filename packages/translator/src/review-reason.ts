/**
 * What is wrong with one translated segment, as data: a stable `code` and the fields a person
 * needs (the human sentence is chosen per language from the code, in locales/).
 * `quality-gate` carries the gate's own wording until the gate speaks in codes too.
 *
 * @example
 * const problem: SegmentProblem = { code: 'lost-foreign-run', runs: ['محمد بن سلمان'] };
 */
export type SegmentProblem =
  | { readonly code: 'quality-gate'; readonly detail: string }
  /** Runs of letters in a script foreign to the source that the output lacks. */
  | { readonly code: 'lost-foreign-run'; readonly runs: readonly string[] }
  /** Protected runs (an address, a name, a term, `translate="no"`, code) the output lacks. */
  | { readonly code: 'lost-protected-run'; readonly runs: readonly string[] };

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
