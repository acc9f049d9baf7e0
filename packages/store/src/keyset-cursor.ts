import { InvalidCursorError } from './errors.ts';
import { isStoreId } from './read-article.ts';

// The cursor carries the timestamp to the microsecond, in UTC, formatted by the database
// itself: a JS Date would lose the microseconds (and with them rows sharing a
// millisecond), and PostgreSQL's default text output follows the session's DateStyle.
const CURSOR_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

/**
 * A SQL expression formatting a timestamptz column as the cursor expects it.
 *
 * @example
 * `SELECT ${cursorTime('t.published_at')} AS cursor_at FROM translations t`;
 */
export const cursorTime = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * An opaque keyset cursor for the row at (`at`, `id`), `at` formatted by {@link cursorTime}.
 *
 * @example
 * encodeCursor(row.cursor_at, row.id);
 */
export function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

/**
 * The (`at`, `id`) a cursor of {@link encodeCursor} stands for; an {@link InvalidCursorError}
 * for anything this store did not make.
 *
 * @example
 * const [at, id] = decodeCursor(options.before);
 */
export function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      CURSOR_TIME.test(value[0]) &&
      isStoreId(value[1])
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // Falls through to the error below: a malformed cursor is the caller's mistake.
  }
  throw new InvalidCursorError(cursor);
}
