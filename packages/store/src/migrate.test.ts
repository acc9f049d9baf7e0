import { expect, it } from 'vitest';
import { describeStore } from './test-harness.ts';

describeStore('migrations', (env) => {
  it('records every applied migration once', async () => {
    const rows = await env.store.db.query<{ version: string }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((r) => r.version)).toEqual(['0001_init']);
  });

  it('applies nothing the second time, on a running store or after a restart', async () => {
    expect(await env.store.migrate()).toEqual([]);
    const reopened = await env.reopen();
    expect(await reopened.migrate()).toEqual([]);
    await reopened.ping();
  });

  it('creates its tables in the connection’s current schema', async () => {
    const [row] = await env.store.db.query<{ schema: string; found: string | null }>(
      `SELECT current_schema() AS schema, to_regclass(current_schema() || '.articles')::text AS found`,
    );
    expect(row?.found).not.toBeNull();
    if (env.backend.name === 'postgres') expect(row?.schema).toMatch(/^t_/);
  });

  it.runIf(env.backend.name === 'postgres')(
    'lets two instances that start together migrate without racing',
    async () => {
      await env.store.db.exec(
        'DROP TABLE translation_requests, translation_versions, translations, revisions, articles, api_keys, schema_migrations',
      );
      const [a, b] = await Promise.all([env.openAnother(), env.openAnother()]);
      const rows = await a.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM schema_migrations',
      );
      expect(rows[0]?.n).toBe(1);
      await Promise.all([a.close(), b.close()]);
    },
  );
});
