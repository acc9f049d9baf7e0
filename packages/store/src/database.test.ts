import { executionAsyncId } from 'node:async_hooks';
import { expect, it } from 'vitest';
import { describeStore } from './test-harness.ts';

describeStore('database connection', (env) => {
  it('answers ping and says which back end it is', async () => {
    await env.store.ping();
    expect(env.store.kind).toBe(env.backend.name);
  });

  it('queues concurrent transactions so that none sees another half-done', async () => {
    await env.db.exec('CREATE TABLE counter (n integer NOT NULL); INSERT INTO counter VALUES (0);');
    // PostgreSQL needs the row lock; PGlite's one connection must queue the transactions.
    const lock = env.backend.name === 'postgres' ? ' FOR UPDATE' : '';
    await Promise.all(
      Array.from({ length: 20 }, () =>
        env.db.transaction(async (tx) => {
          const [row] = await tx.query<{ n: number }>(`SELECT n FROM counter${lock}`);
          await new Promise((resolve) => setTimeout(resolve, 2));
          await tx.query('UPDATE counter SET n = $1', [(row?.n ?? 0) + 1]);
        }),
      ),
    );
    const [row] = await env.db.query<{ n: number }>('SELECT n FROM counter');
    expect(row?.n).toBe(20);
  });

  it('runs a named statement again with other values, prepared once per connection on PostgreSQL', async () => {
    const rows = await env.db.transaction(async (tx) => {
      const named = { name: 'tidings-test-named' };
      const first = await tx.query<{ v: number }>('SELECT $1::int + 1 AS v', [1], named);
      const second = await tx.query<{ v: number }>('SELECT $1::int + 1 AS v', [41], named);
      const prepared =
        env.backend.name === 'postgres'
          ? await tx.query<{ name: string }>(
              "SELECT name FROM pg_prepared_statements WHERE name = 'tidings-test-named'",
            )
          : [{ name: 'tidings-test-named' }];
      return [...first, ...second, ...prepared];
    });
    expect(rows).toEqual([{ v: 2 }, { v: 42 }, { name: 'tidings-test-named' }]);
  });

  it('rolls back a transaction that throws, and keeps serving afterwards', async () => {
    await env.db.exec('CREATE TABLE scratch (v text)');
    await expect(
      env.db.transaction(async (tx) => {
        await tx.query(`INSERT INTO scratch VALUES ('lost')`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await env.db.query('SELECT * FROM scratch')).toEqual([]);
  });

  it('refuses the outer handle inside a transaction instead of deadlocking', async () => {
    await expect(
      env.db.transaction(async () => {
        await env.db.query('SELECT 1');
      }),
    ).rejects.toThrow(/transaction handle/);
    await env.store.ping();
  });

  it('leaves the promises of the process untracked once no transaction is open', async () => {
    // An `await` gets an async id only while async hooks are on, which the guard's
    // AsyncLocalStorage turns on for every promise of the process (2-3x the cost of each).
    const idAfterAwait = async () => {
      await null;
      return executionAsyncId();
    };
    expect(await idAfterAwait()).toBe(0);
    const inside = await env.db.transaction(async (tx) => {
      await tx.query('SELECT 1');
      return idAfterAwait();
    });
    expect(inside).not.toBe(0);
    await env.db.query('SELECT 1');
    expect(await idAfterAwait()).toBe(0);
  });
});
