/**
 * Something SQL can be sent to: the database itself, or one open transaction.
 * Parameters use PostgreSQL's `$1` placeholders; pass JSON as a string and cast it
 * (`$1::jsonb`) so that both drivers send it the same way.
 *
 * @example
 * const rows = await db.query<{ id: string }>('SELECT id FROM articles WHERE slug = $1', [slug]);
 */
export interface Queryable {
  /** Runs one statement and returns its rows. */
  query<Row>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

/** How a statement is run. */
export interface QueryOptions {
  /**
   * A name, unique to this statement's text, under which PostgreSQL keeps it prepared on each
   * connection: a statement run often is then parsed and planned once per connection instead of
   * at every call. PGlite does the same on its one connection outside a transaction; inside one,
   * the name is ignored.
   */
  readonly name?: string;
}

/**
 * A connection to the store's back end, PGlite or PostgreSQL, behind one small interface
 * so that every repository and migration runs unchanged on both.
 */
export interface Database extends Queryable {
  /** Which back end this is, for logs and the rare place where they differ. */
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * Inside `work`, use `tx` only: the outer handle refuses calls made from within a
   * transaction, because on PGlite (one connection) they would wait for it forever.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Closes the connection (PGlite) or the pool (PostgreSQL). */
  close(): Promise<void>;
}

/**
 * The minimal logger the store writes to; a pino logger fits it.
 *
 * @example
 * openStore({ dataDir: './data', logger: pino() });
 */
export interface StoreLogger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}
