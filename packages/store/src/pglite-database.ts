import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Database, Queryable, QueryOptions } from './database.ts';
import { Mutex } from './mutex.ts';
import { PreparedStatements } from './pglite-prepared.ts';
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

/** The child process that creates a data directory: PGlite's initdb, then close; CommonJS. */
const CREATE_SOURCE = `
const [module, directory] = process.argv.slice(-2);
import(module)
  .then(async ({ PGlite }) => {
    const pg = await PGlite.create(directory);
    await pg.close();
  })
  .catch((error) => {
    process.stderr.write(String(error && error.stack || error));
    process.exit(1);
  });
`;

/**
 * Creates a new PGlite data directory in a short-lived child process. initdb grows PGlite's
 * WASM memory to several hundred MiB, and WASM memory never shrinks: done in this process, a
 * first start left the API at ~1 GiB resident for its whole life. A worker thread was not
 * enough either: the memory its allocations left behind stayed ~65 MiB above a start on an
 * existing directory. The child's memory goes away with it, and the directory is then opened
 * like any existing one.
 */
async function createInChild(directory: string): Promise<void> {
  const module = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  const child = spawn(process.execPath, ['-e', CREATE_SOURCE, module, directory], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0)
    throw new Error(
      `Creating the PGlite store in ${directory} stopped (exit code ${code}): ${stderr.trim().slice(-500)}`,
    );
}

/**
 * Settings on top of PGlite's own start parameters. PostgreSQL's default 128 MB of shared
 * buffers lives inside PGlite's WebAssembly memory, which is touched at start and never given
 * back: ~125 MiB of the API's resident memory for a buffer pool an embedded, single-connection
 * store does not fill (its files are also in the OS page cache). 16 MB holds 2,048 pages.
 */
const PGLITE_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: '16MB',
};

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
  if (!existsSync(join(directory, 'PG_VERSION'))) await createInChild(directory);
  const pg = await PGlite.create(directory, {
    startParams: [
      ...PGlite.defaultStartParams,
      ...Object.entries(PGLITE_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
  });
  const mutex = new Mutex();
  const guard = new TransactionGuard();
  const direct = wrap(pg);
  const prepared = new PreparedStatements(pg);
  return {
    kind: 'pglite',
    query<Row>(text: string, params?: readonly unknown[], options?: QueryOptions) {
      guard.assertOutside();
      const name = options?.name;
      return mutex.run(() =>
        name ? prepared.query<Row>(name, text, params) : direct.query<Row>(text, params),
      );
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
