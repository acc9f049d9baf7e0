import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { TEST_ENV } from '../test-env.ts';

/** The PostgreSQL server tests and benchmarks use: `TEST_DATABASE_URL`, else the local `test`. */
export const TEST_DATABASE_URL = TEST_ENV.databaseUrl;

/** A schema of one's own on a PostgreSQL server, and the URL that puts the store in it. */
export interface PrivateSchema {
  readonly name: string;
  /** `url` with `options=-c search_path=<name>`, for `openStore`'s `databaseUrl`. */
  readonly url: string;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

async function run(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query(sql);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Why PostgreSQL at `url` cannot be used (its error message), or `undefined` when it answers.
 *
 * @example
 * const problem = await postgresProblem();
 * if (problem) console.warn(`skipping PostgreSQL: ${problem}`);
 */
export async function postgresProblem(url = TEST_DATABASE_URL): Promise<string | undefined> {
  return run(url, 'SELECT 1').then(
    () => undefined,
    (error: Error) => error.message,
  );
}

/**
 * Whether PostgreSQL answers at {@link TEST_DATABASE_URL}. When it does not, CI fails (it must
 * run both back ends) and anywhere else a warning says what is skipped.
 *
 * @example
 * const postgres = await postgresAvailable('the PostgreSQL half of the store tests');
 */
export async function postgresAvailable(skipping: string): Promise<boolean> {
  const problem = await postgresProblem();
  if (problem === undefined) return true;
  const message = `PostgreSQL at ${TEST_DATABASE_URL} does not answer (${problem})`;
  if (TEST_ENV.ci) throw new Error(`${message}; CI requires it. Set TEST_DATABASE_URL.`);
  process.stderr.write(`\n⚠ ${message}: SKIPPING ${skipping}.\n\n`);
  return false;
}

/**
 * Creates a fresh schema named `<prefix>_<random>` on the server at `url`, so that a test or a
 * benchmark runs the store's migrations in a space of its own and drops it afterwards.
 *
 * @example
 * const schema = await privateSchema('t');
 * const store = await openStore({ dataDir, databaseUrl: schema.url });
 * await schema.drop();
 */
export async function privateSchema(
  prefix: string,
  url = TEST_DATABASE_URL,
): Promise<PrivateSchema> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await run(url, `CREATE SCHEMA ${name}`);
  const withPath = new URL(url);
  withPath.searchParams.set('options', `-c search_path=${name}`);
  return {
    name,
    url: withPath.toString(),
    drop: () => run(url, `DROP SCHEMA IF EXISTS ${name} CASCADE`),
  };
}
