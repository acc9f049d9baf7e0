import { join } from 'node:path';
import type { Database, StoreLogger } from './database.ts';
import { acquireDirectoryLock, type DirectoryLock } from './directory-lock.ts';
import { Store } from './store.ts';

/** Options of {@link openStore}, taken from the app's parsed configuration. */
export interface StoreOptions {
  /** `DATA_DIR`: the embedded store lives in `<dataDir>/pglite`. */
  readonly dataDir: string;
  /** `DATABASE_URL`: when set, PostgreSQL is used instead and `dataDir` is not touched. */
  readonly databaseUrl?: string | undefined;
  readonly logger?: StoreLogger | undefined;
}

const SILENT: StoreLogger = { info() {}, warn() {} };

/**
 * Opens the store and brings its schema up to date. Without `databaseUrl` it is an
 * embedded PGlite database under `<dataDir>/pglite`, locked to this process: a second
 * process gets a {@link StoreLockedError} at once, and a lock left by a crashed one is
 * taken over. With `databaseUrl` it is a PostgreSQL pool, shareable by many processes.
 *
 * @example
 * const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, logger });
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const logger = options.logger ?? SILENT;
  let db: Database;
  let lock: DirectoryLock | undefined;
  if (options.databaseUrl) {
    // Each backend's client is loaded only when used: node-postgres alone is ~14 MiB resident
    // in a process on PGlite.
    const { openPostgresDatabase } = await import('./postgres-database.ts');
    db = openPostgresDatabase(options.databaseUrl, logger);
  } else {
    const directory = join(options.dataDir, 'pglite');
    lock = await acquireDirectoryLock(directory);
    try {
      const { openPgliteDatabase } = await import('./pglite-database.ts');
      db = await openPgliteDatabase(directory);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }
  const store = new Store(db, logger, lock);
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  logger.info(
    { backend: db.kind, ...(lock ? { directory: join(options.dataDir, 'pglite') } : {}) },
    'store open',
  );
  return store;
}
