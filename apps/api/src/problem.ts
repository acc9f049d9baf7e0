import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The fixed set of problem kinds the API answers with; each has one status. */
export const PROBLEMS = {
  'bad-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  'request-timeout': 408,
  conflict: 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  validation: 422,
  'rate-limited': 429,
  'headers-too-large': 431,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

/** A problem kind, the last segment of its `type` URI. */
export type ProblemCode = keyof typeof PROBLEMS;

/** One offending field of a request, for validation problems. */
export interface FieldProblem {
  /** JSON pointer-like path, e.g. `title` or `image.url`. */
  readonly field: string;
  readonly message: string;
}

/**
 * The `type` URI of a problem kind (RFC 9457), documented at that path.
 *
 * @example
 * problemType('validation'); // '/problems/validation'
 */
export const problemType = (code: ProblemCode): string => `/problems/${code}`;

/**
 * An error the API answers as `application/problem+json` with a fixed type and status.
 *
 * @example
 * throw new ProblemError('not-found', 'No article has the id 42.');
 */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly status: ContentfulStatusCode;

  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly extra: { errors?: readonly FieldProblem[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.status = PROBLEMS[code];
  }
}
