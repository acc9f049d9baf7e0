import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS } from './harness/backends.ts';
import { freePort } from './harness/free-port.ts';
import { type Launched, launch } from './harness/launch.ts';

const postgres = BACKENDS.find((b) => b.name === 'postgres');
const CREATED = /created the first admin key/;

describe.skipIf(!postgres?.available)('the first start on PostgreSQL', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  const api = async (env: Record<string, string>): Promise<Launched> => {
    const launched = launch(['--import', 'tsx', 'apps/api/src/main.ts'], {
      PORT: String(await freePort()),
      QUEUE_PREFIX: `e2e-first-${process.pid}`,
      LOG_LEVEL: 'info',
      ...env,
    });
    cleanup.push(async () => {
      if (launched.child.exitCode === null) launched.child.kill('SIGKILL');
      await launched.exited();
    });
    return launched;
  };
  const emptyDatabase = async () => {
    const prepared = await (postgres?.prepare() ?? Promise.reject(new Error('no PostgreSQL')));
    cleanup.push(prepared.drop);
    return prepared.env;
  };
  const scratch = () => {
    const dir = mkdtempSync(join(tmpdir(), 'tidings-first-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };

  it('creates a missing DATA_DIR and writes the admin token there, in one start', async () => {
    const dataDir = join(scratch(), 'not', 'yet');
    const env = { ...(await emptyDatabase()), DATA_DIR: dataDir };
    const first = await api(env);
    await first.waitFor(/Tidings API listening/);
    const token = readFileSync(join(dataDir, 'admin-key'), 'utf8').trim();
    expect(token).toMatch(/^tdg_/);
    const url = /http:\/\/[\d.]+:\d+/.exec(await first.waitFor(/Tidings API listening/))?.[0];
    const keys = await fetch(`${url}/v1/keys`, { headers: { authorization: `Bearer ${token}` } });
    expect(keys.status).toBe(200);
  });

  it('two APIs started at once on an empty database make one admin key, announced once', async () => {
    const env = await emptyDatabase();
    const dirs = [scratch(), scratch()];
    const both = await Promise.all(dirs.map((dir) => api({ ...env, DATA_DIR: dir })));
    await Promise.all(both.map((a) => a.waitFor(/Tidings API listening/)));
    const announced = both.filter((a) => CREATED.test(a.output()));
    expect(announced).toHaveLength(1);
    const written = dirs.filter((dir) => existsSync(join(dir, 'admin-key')));
    expect(written).toHaveLength(1);
    const token = readFileSync(join(written[0] ?? '', 'admin-key'), 'utf8').trim();
    const url = /http:\/\/[\d.]+:\d+/.exec((await both[0]?.waitFor(/listening/)) ?? '')?.[0];
    const res = await fetch(`${url}/v1/keys`, { headers: { authorization: `Bearer ${token}` } });
    const { keys } = (await res.json()) as { keys: { role: string }[] };
    expect(keys).toEqual([expect.objectContaining({ role: 'admin' })]);
  });
});
