import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { MIGRATIONS_DIRECTORY } from './migrate.ts';
import { databaseOf } from './store.ts';
import { describeStore } from './test-harness.ts';

const VERSIONS = readdirSync(MIGRATIONS_DIRECTORY)
  .filter((name) => name.endsWith('.sql'))
  .map((name) => name.slice(0, -'.sql'.length))
  .sort();

describeStore('migrations', (env) => {
  it('records every applied migration once', async () => {
    const rows = await env.db.query<{ version: string }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(VERSIONS[0]).toBe('0001_init');
    expect(rows.map((r) => r.version)).toEqual(VERSIONS);
  });

  it('applies nothing the second time, on a running store or after a restart', async () => {
    expect(await env.store.migrate()).toEqual([]);
    const reopened = await env.reopen();
    expect(await reopened.migrate()).toEqual([]);
    await reopened.ping();
  });

  it('creates its tables in the connection’s current schema', async () => {
    const [row] = await env.db.query<{ schema: string; found: string | null }>(
      `SELECT current_schema() AS schema, to_regclass(current_schema() || '.articles')::text AS found`,
    );
    expect(row?.found).not.toBeNull();
    if (env.backend.name === 'postgres') expect(row?.schema).toMatch(/^t_/);
  });

  it.runIf(env.backend.name === 'postgres')(
    'lets two instances that start together migrate without racing',
    async () => {
      const [schema] = await env.db.query<{ name: string }>('SELECT current_schema() AS name');
      const quoted = `"${schema?.name.replace(/"/g, '""')}"`;
      await env.db.exec(`DROP SCHEMA ${quoted} CASCADE; CREATE SCHEMA ${quoted}`);
      const [a, b] = await Promise.all([env.openAnother(), env.openAnother()]);
      const rows = await databaseOf(a).query<{ n: number }>(
        'SELECT count(*)::int AS n FROM schema_migrations',
      );
      expect(rows[0]?.n).toBe(VERSIONS.length);
      await Promise.all([a.close(), b.close()]);
    },
  );
});
