/**
 * The request contradicts the stored state (HTTP 409): a slug already taken, a change
 * to a retracted article, an edit of the source language, revoking the last admin key, an
 * approval of a language with no draft awaiting review. The `code` and `fields` are data, for
 * a message in the reader's language; `message` is English, for logs.
 *
 * @example
 * throw new ConflictError('slug_taken', 'The slug "jef" is already used by another article', { slug: 'jef' });
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
  /**
   * What the message names, by code: `slug` (slug_taken), `id` (retracted, last_admin), `id`
   * and `lang` (source_language), `lang` and `status` (not_awaiting_review).
   */
  readonly fields: Readonly<Record<string, string | number>>;

  constructor(
    code: ConflictError['code'],
    message: string,
    fields: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
    this.code = code;
    this.fields = fields;
  }
}
