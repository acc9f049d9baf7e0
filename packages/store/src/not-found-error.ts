/**
 * The article, language version or key asked for does not exist (HTTP 404).
 *
 * @example
 * if (error instanceof NotFoundError) return notFound(error.message);
 */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  /** What kind of thing was missing: `article`, `translation`, `key` or `glossary term`. */
  readonly entity: 'article' | 'translation' | 'key' | 'glossary term';

  constructor(entity: NotFoundError['entity'], id: string) {
    super(`No ${entity} ${JSON.stringify(id)}`);
    this.entity = entity;
  }
}
