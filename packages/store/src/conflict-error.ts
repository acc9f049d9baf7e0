/**
 * The request contradicts the stored state (HTTP 409): a slug already taken, a change
 * to a retracted article, an edit of the source language, revoking the last admin key, an
 * approval of a language with no draft awaiting review.
 *
 * @example
 * throw new ConflictError('slug_taken', 'The slug "jef" is already used by another article');
 */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  /** A stable code the API can turn into a problem `type`. */
  readonly code:
    | 'slug_taken'
    | 'retracted'
    | 'source_language'
    | 'last_admin'
    | 'not_awaiting_review';

  constructor(code: ConflictError['code'], message: string) {
    super(message);
    this.code = code;
  }
}
