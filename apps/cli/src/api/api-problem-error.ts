import type { Problem } from './problem.ts';

/**
 * The API answered with an error: its problem document, and the HTTP status.
 *
 * @example
 * if (error instanceof ApiProblemError && error.status === 404) …
 */
export class ApiProblemError extends Error {
  override readonly name = 'ApiProblemError';
  readonly status: number;
  readonly problem: Problem;
  /** Extra lines of advice the CLI adds under the problem (how to pass a key…). */
  readonly hints: readonly string[];

  constructor(status: number, problem: Problem, hints: readonly string[] = []) {
    super(`${problem.title ?? `HTTP ${status}`}: ${problem.detail ?? ''}`);
    this.status = status;
    this.problem = problem;
    this.hints = hints;
  }
}
