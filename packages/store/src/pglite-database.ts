import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
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

/** The worker that creates a data directory: PGlite's initdb, then close; CommonJS, as `eval` wants. */
const CREATE_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
import(workerData.module)
  .then(async ({ PGlite }) => {
    const pg = await PGlite.create(workerData.directory);
    await pg.close();
    parentPort.postMessage('created');
  });
`;

/**
 * Creates a new PGlite data directory in a short-lived worker thread. initdb grows PGlite's
 * WASM memory to several hundred MiB, and WASM memory never shrinks: done in this thread,
 * a first start left the API at ~1 GiB resident for its whole life. The worker's isolate and
 * its memory go away with it, and the directory is then opened like any existing one.
 */
async function createInWorker(directory: string): Promise<void> {
  const module = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  const worker = new Worker(CREATE_SOURCE, { eval: true, workerData: { directory, module } });
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', (code) =>
        reject(new Error(`Creating the PGlite store in ${directory} stopped (exit code ${code})`)),
      );
    });
  } finally {
    await worker.terminate();
  }
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
  if (!existsSync(join(directory, 'PG_VERSION'))) await createInWorker(directory);
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
