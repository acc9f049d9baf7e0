import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server for tests; read here, in the harness, never by the service. */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function problemWithPostgres(): Promise<string | undefined> {
  const client = new pg.Client({
    connectionString: TEST_DATABASE_URL,
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const problem = await problemWithPostgres();
if (problem !== undefined) {
  const message = `PostgreSQL at ${TEST_DATABASE_URL} does not answer (${problem})`;
  if (process.env.CI) throw new Error(`${message}; CI requires it. Set TEST_DATABASE_URL.`);
  process.stderr.write(`\n⚠ ${message}: SKIPPING the PostgreSQL runs of the end-to-end tests.\n\n`);
}

/** A store back end an installation can run on. */
export interface Backend {
  readonly name: 'pglite' | 'postgres';
  readonly available: boolean;
  /** Environment for the API (DATABASE_URL in a fresh schema), and how to drop it after. */
  prepare(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }>;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** PGlite (embedded, the default) and PostgreSQL (skipped with a warning when absent outside CI). */
export const BACKENDS: readonly Backend[] = [
  { name: 'pglite', available: true, prepare: async () => ({ env: {}, drop: async () => {} }) },
  {
    name: 'postgres',
    available: problem === undefined,
    async prepare() {
      const schema = `e2e_${randomBytes(6).toString('hex')}`;
      await admin(`CREATE SCHEMA ${schema}`);
      const url = new URL(TEST_DATABASE_URL);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return {
        env: { DATABASE_URL: url.toString() },
        drop: () => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
      };
    },
  },
];
