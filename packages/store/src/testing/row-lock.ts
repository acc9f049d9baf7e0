import type { LanguageCode } from '@tidings/core';
import pg from 'pg';

/** A translation row held locked by a session of its own, as another API instance would. */
export interface HeldRow {
  /** The statement of a session now waiting on this lock, if any (only this lock's waiters). */
  waiter(): Promise<string | undefined>;
  /** Rolls the locking transaction back and closes both sessions; a second call does nothing. */
  release(): Promise<void>;
}

/**
 * Locks one language version's row in PostgreSQL (`SELECT … FOR UPDATE` in an open
 * transaction), so that a test can catch the API in the middle of persisting a result.
 *
 * @example
 * const held = await holdTranslationRow(databaseUrl, articleId, 'es');
 * await eventually(() => held.waiter());
 * await held.release();
 */
export async function holdTranslationRow(
  databaseUrl: string,
  articleId: string,
  language: LanguageCode,
): Promise<HeldRow> {
  const locker = new pg.Client({ connectionString: databaseUrl });
  const watcher = new pg.Client({ connectionString: databaseUrl });
  await Promise.all([locker.connect(), watcher.connect()]);
  const close = () => Promise.all([locker.end(), watcher.end()]).then(() => undefined);
  try {
    await locker.query('BEGIN');
    await locker.query(
      'SELECT 1 FROM translations WHERE article_id = $1 AND language = $2 FOR UPDATE',
      [articleId, language],
    );
    const [holder] = (await locker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
    let released: Promise<void> | undefined;
    return {
      async waiter() {
        // Only a session waiting on this very lock: other suites share the database.
        const { rows } = await watcher.query<{ query: string }>(
          'SELECT query FROM pg_stat_activity WHERE $1::int = ANY(pg_blocking_pids(pid))',
          [holder?.pid],
        );
        return rows[0]?.query;
      },
      release() {
        released ??= locker.query('ROLLBACK').then(close, async (error: unknown) => {
          await close();
          throw error;
        });
        return released;
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}
