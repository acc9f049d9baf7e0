/**
 * The request contradicts the stored state (HTTP 409): a slug already taken, a change
 * to a retracted article, an edit of the source language, revoking the last admin key, a
 * retry of a language that has nothing to retry (an editor's text, a published version).
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
    | 'edited'
    | 'nothing_to_retry';

  constructor(code: ConflictError['code'], message: string) {
    super(message);
    this.code = code;
  }
}
