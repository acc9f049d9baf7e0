import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openPgliteDatabase } from './pglite-database.ts';

const MiB = 2 ** 20;
const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('creates a new data directory without keeping initdb’s WASM memory in this process', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'tidings-pglite-'));
  scratch.push(parent);
  const before = process.memoryUsage().external;
  const db = await openPgliteDatabase(join(parent, 'pglite'));
  try {
    await db.exec('CREATE TABLE t (v text)');
    await db.query('INSERT INTO t VALUES ($1)', ['kept']);
    // initdb in this thread grows WASM memory by ~630 MiB, which never shrinks; opening
    // an existing directory takes ~200 MiB.
    expect((process.memoryUsage().external - before) / MiB).toBeLessThan(350);
  } finally {
    await db.close();
  }
  const again = await openPgliteDatabase(join(parent, 'pglite'));
  try {
    expect(await again.query('SELECT v FROM t')).toEqual([{ v: 'kept' }]);
  } finally {
    await again.close();
  }
});

it('runs PGlite with a small buffer pool (PostgreSQL’s 128 MB would stay resident in WASM memory)', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'tidings-pglite-'));
  scratch.push(parent);
  const db = await openPgliteDatabase(join(parent, 'pglite'));
  try {
    expect(await db.query('SHOW shared_buffers')).toEqual([{ shared_buffers: '16MB' }]);
  } finally {
    await db.close();
  }
});

it('says why when a data directory cannot be created', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'tidings-pglite-'));
  scratch.push(parent);
  const file = join(parent, 'not-a-directory');
  writeFileSync(file, '');
  await expect(openPgliteDatabase(join(file, 'pglite'))).rejects.toThrow(
    /Creating the PGlite store in .*not-a-directory\/pglite stopped \(exit code 1\)/,
  );
});

it('keeps a named statement prepared, converting parameters and rows as an unnamed one', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'tidings-pglite-'));
  scratch.push(parent);
  const db = await openPgliteDatabase(join(parent, 'pglite'));
  try {
    await db.exec(
      'CREATE TABLE t (id uuid PRIMARY KEY, tags text[], doc jsonb, at timestamptz, n integer)',
    );
    const insert = `INSERT INTO t VALUES ($1, $2::text[], $3::jsonb, $4, $5)
                    RETURNING id, tags, doc, at, n`;
    const at = new Date('2026-12-01T12:00:00Z');
    const params = (id: string) => [id, ['a', 'b c'], '{"x":[1]}', at, 7];
    const named = await db.query(insert, params('00000000-0000-4000-8000-000000000001'), {
      name: 'test-insert',
    });
    const unnamed = await db.query<object>(insert, params('00000000-0000-4000-8000-000000000002'));
    expect(named).toEqual([{ ...unnamed[0], id: '00000000-0000-4000-8000-000000000001' }]);
    expect(named).toEqual([
      {
        id: '00000000-0000-4000-8000-000000000001',
        tags: ['a', 'b c'],
        doc: { x: [1] },
        at,
        n: 7,
      },
    ]);
    // A second call reuses the statement; a null parameter and an error go through as usual.
    const select = 'SELECT n FROM t WHERE id = ANY($1::uuid[]) OR $2::integer IS NULL';
    const second = ['00000000-0000-4000-8000-000000000002'];
    expect(await db.query(select, [second, null], { name: 's' })).toHaveLength(2);
    expect(await db.query(select, [second, 1], { name: 's' })).toEqual([{ n: 7 }]);
    await expect(
      db.query(insert, params('00000000-0000-4000-8000-000000000001'), { name: 'test-insert' }),
    ).rejects.toMatchObject({ code: '23505', constraint: 't_pkey' });
    expect(await db.query('SELECT count(*)::int AS n FROM t')).toEqual([{ n: 2 }]);
    expect(await db.query('SELECT name FROM pg_prepared_statements ORDER BY name')).toEqual([
      { name: 's' },
      { name: 'test-insert' },
    ]);
    await expect(db.query('SELECT 1', [], { name: 's' })).rejects.toThrow(/already used/);
  } finally {
    await db.close();
  }
});
