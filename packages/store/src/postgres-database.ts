import pg from 'pg';
import type { Database, Queryable, QueryOptions, StoreLogger } from './database.ts';
import { TransactionGuard } from './transaction-guard.ts';

/** Errors after which the whole transaction may simply be run again. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 3;

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(
      text: string,
      params?: readonly unknown[],
      options?: QueryOptions,
    ): Promise<Row[]> {
      const values = params ? [...params] : undefined;
      const result = await (options?.name
        ? client.query({ name: options.name, text, values })
        : client.query(text, values));
      return result.rows as Row[];
    },
    async exec(text: string): Promise<void> {
      // Without parameters, pg uses the simple protocol, which accepts several statements.
      await client.query(text);
    },
  };
}

/**
 * Connects to PostgreSQL through a `pg` pool. The connection string may carry
 * `options=-c search_path=...` to keep Tidings in its own schema.
 * Transactions that lose a deadlock or a serialization check are retried.
 *
 * @example
 * const db = openPostgresDatabase('postgres://tidings@db/tidings', logger);
 */
export function openPostgresDatabase(connectionString: string, logger: StoreLogger): Database {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client whose server went away must not crash the process; the next query reconnects.
  pool.on('error', (error) => logger.warn({ err: error.message }, 'idle PostgreSQL client failed'));
  const guard = new TransactionGuard();
  const direct = wrap(pool);

  async function once<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await guard.inside(() => work(wrap(client)));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  return {
    kind: 'postgres',
    query<Row>(text: string, params?: readonly unknown[], options?: QueryOptions) {
      guard.assertOutside();
      return direct.query<Row>(text, params, options);
    },
    exec(text: string) {
      guard.assertOutside();
      return direct.exec(text);
    },
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      guard.assertOutside();
      for (let attempt = 1; ; attempt++) {
        try {
          return await once(work);
        } catch (error) {
          const code = errorCode(error);
          if (attempt >= MAX_ATTEMPTS || code === undefined || !RETRYABLE.has(code)) throw error;
          logger.warn({ code, attempt }, 'retrying a PostgreSQL transaction');
        }
      }
    },
    close() {
      return pool.end();
    },
  };
}
