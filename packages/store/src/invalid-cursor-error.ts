/**
 * A listing cursor that this store did not make (HTTP 400).
 *
 * @example
 * await store.listPublished('en', { limit: 20, before: 'garbage' }); // throws InvalidCursorError
 */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';

  constructor(cursor: string) {
    super(`Not a listing cursor: ${JSON.stringify(cursor.slice(0, 100))}`);
  }
}
