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
