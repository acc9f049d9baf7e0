// The store's errors, one class for each way a call can be refused, each with its data: the
// API answers them (404, 409, 400) as problems in the reader's language
// (apps/api/src/store-problem.ts). The one that stops a second process at start,
// StoreLockedError, lives beside its thrower in directory-lock.ts.

/**
 * The article, language version or key asked for does not exist (HTTP 404). Its `entity` and
 * `id` are data, for a message in the reader's language; `message` is English, for logs.
 *
 * @example
 * if (error instanceof NotFoundError) return notFound(error.entity, error.id);
 */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  /** What kind of thing was missing: `article`, `translation`, `key` or `glossary term`. */
  readonly entity: 'article' | 'translation' | 'key' | 'glossary term';
  /** The id (or slug, or `article/lang`, or term) asked for. */
  readonly id: string;

  constructor(entity: NotFoundError['entity'], id: string) {
    super(`No ${entity} ${JSON.stringify(id)}`);
    this.entity = entity;
    this.id = id;
  }
}

/**
 * The fields each {@link ConflictError} code names, for its message in the reader's language:
 * the slug taken, the retracted article, the article and its source language, the last admin
 * key, the language and its status. A throw gives exactly these (its type is read from here).
 */
export const CONFLICT_FIELDS = {
  slug_taken: ['slug'],
  retracted: ['id'],
  source_language: ['id', 'lang'],
  last_admin: ['id'],
  not_awaiting_review: ['lang', 'status'],
} as const satisfies Record<string, readonly string[]>;

/** A stable code of a {@link ConflictError}, which the API turns into a problem `type`. */
export type ConflictCode = keyof typeof CONFLICT_FIELDS;

/** The fields a conflict of each code gives, exactly those {@link CONFLICT_FIELDS} names. */
export type ConflictFieldsByCode = {
  readonly [C in ConflictCode]: {
    readonly [F in (typeof CONFLICT_FIELDS)[C][number]]: string | number;
  };
};

/**
 * The request contradicts the stored state (HTTP 409): a slug already taken, a change
 * to a retracted article, an edit of the source language, revoking the last admin key, an
 * approval of a language with no draft awaiting review. The `code` and `fields` are data, for
 * a message in the reader's language (each code's fields are typed by {@link CONFLICT_FIELDS});
 * `message` is English, for logs.
 *
 * @example
 * throw new ConflictError('slug_taken', 'The slug "jef" is already used by another article', { slug: 'jef' });
 */
export class ConflictError<C extends ConflictCode = ConflictCode> extends Error {
  override readonly name = 'ConflictError';
  /** A stable code the API can turn into a problem `type`. */
  readonly code: C;
  /** What the message names: exactly the fields {@link CONFLICT_FIELDS} gives for `code`. */
  readonly fields: ConflictFieldsByCode[C];

  constructor(code: C, message: string, fields: ConflictFieldsByCode[C]) {
    super(message);
    this.code = code;
    this.fields = fields;
  }
}

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
