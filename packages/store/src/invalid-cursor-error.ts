/**
 * A listing cursor that this store did not make (HTTP 400).
 *
 * @example
 * await store.listPublished('en', { limit: 20, before: 'garbage' }); // throws InvalidCursorError
 */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  /** The cursor given, quoted as JSON and cut to its first 100 characters. */
  readonly cursor: string;

  constructor(cursor: string) {
    const quoted = JSON.stringify(cursor.slice(0, 100));
    super(`Not a listing cursor: ${quoted}`);
    this.cursor = quoted;
  }
}
