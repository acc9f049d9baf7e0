/**
 * The article, language version or key asked for does not exist (HTTP 404).
 *
 * @example
 * if (error instanceof NotFoundError) return notFound(error.message);
 */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  /** What kind of thing was missing: `article`, `translation` or `key`. */
  readonly entity: 'article' | 'translation' | 'key';

  constructor(entity: NotFoundError['entity'], id: string) {
    super(`No ${entity} ${JSON.stringify(id)}`);
    this.entity = entity;
  }
}
