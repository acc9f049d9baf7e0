import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database, Queryable, StoreLogger } from './database.ts';

/** The folder of numbered `.sql` files shipped with this package. */
export const MIGRATIONS_DIRECTORY = fileURLToPath(new URL('../migrations/', import.meta.url));

const FILE_NAME = /^(\d{4})_[a-z0-9_-]+\.sql$/;

/** One migration file. */
interface Migration {
  readonly version: string;
  readonly sql: string;
  readonly checksum: string;
}

async function readMigrations(directory: string): Promise<Migration[]> {
  const names = (await readdir(directory)).filter((name) => FILE_NAME.test(name)).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(`${directory}/${name}`, 'utf8');
      return {
        version: name.slice(0, -'.sql'.length),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    }),
  );
}

async function lockAndPrepare(tx: Queryable): Promise<void> {
  // Instances starting together queue here instead of racing to create the same tables.
  // The key includes the schema, so tests isolated in their own schemas do not wait on each other.
  await tx.query(
    `SELECT pg_advisory_xact_lock(hashtext('tidings:migrations:' || current_schema()))`,
  );
  await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
}

/**
 * Applies, in order, every migration of `directory` not yet recorded in
 * `schema_migrations`, each in its own transaction, and returns the versions applied.
 * Safe to run on every start and from several processes at once (an advisory lock
 * serializes them). Tables are created in the connection's current schema.
 *
 * @example
 * await migrate(db, logger); // ['0001_init'] the first time, [] afterwards
 */
export async function migrate(
  db: Database,
  logger: StoreLogger,
  directory: string = MIGRATIONS_DIRECTORY,
): Promise<string[]> {
  const migrations = await readMigrations(directory);
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      await lockAndPrepare(tx);
      const [row] = await tx.query<{ checksum: string }>(
        'SELECT checksum FROM schema_migrations WHERE version = $1',
        [migration.version],
      );
      if (row) {
        if (row.checksum !== migration.checksum) {
          logger.warn(
            { version: migration.version },
            'an applied migration file has changed since; write a new migration instead',
          );
        }
        return false;
      }
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, checksum) VALUES ($1, $2)', [
        migration.version,
        migration.checksum,
      ]);
      return true;
    });
    if (done) {
      applied.push(migration.version);
      logger.info({ version: migration.version, backend: db.kind }, 'applied migration');
    }
  }
  return applied;
}
