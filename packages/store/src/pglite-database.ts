import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.ts';
import { Mutex } from './mutex.ts';
import { TransactionGuard } from './transaction-guard.ts';

function wrap(tx: Transaction | PGlite): Queryable {
  return {
    async query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]> {
      const result = await tx.query<Row>(text, params ? [...params] : undefined);
      return result.rows;
    },
    async exec(text: string): Promise<void> {
      await tx.exec(text);
    },
  };
}

/**
 * Opens (creating it when needed) an embedded PGlite database under `directory`.
 * PGlite has one connection; every query and transaction goes through one queue, so
 * concurrent callers wait their turn and transactions never interleave. The caller
 * must hold the directory's lock (see `acquireDirectoryLock`): PGlite does not.
 *
 * @example
 * const db = await openPgliteDatabase('/var/lib/tidings/pglite');
 */
export async function openPgliteDatabase(directory: string): Promise<Database> {
  const pg = await PGlite.create(directory);
  const mutex = new Mutex();
  const guard = new TransactionGuard();
  const direct = wrap(pg);
  return {
    kind: 'pglite',
    query<Row>(text: string, params?: readonly unknown[]) {
      guard.assertOutside();
      return mutex.run(() => direct.query<Row>(text, params));
    },
    exec(text: string) {
      guard.assertOutside();
      return mutex.run(() => direct.exec(text));
    },
    transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      guard.assertOutside();
      return mutex.run(() => pg.transaction((tx) => guard.inside(() => work(wrap(tx)))));
    },
    close() {
      return mutex.run(() => pg.close());
    },
  };
}
