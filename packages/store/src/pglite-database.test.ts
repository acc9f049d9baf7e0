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
