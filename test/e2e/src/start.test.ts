import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './harness/free-port.ts';
import { descendants, isAlive, launch } from './harness/launch.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('npm start', () => {
  it('starts its own Redis when none answers, serves /readyz, and Ctrl-C leaves no process behind', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tidings-start-'));
    dirs.push(dataDir);
    const [port, privatePort, deadPort] = [await freePort(), await freePort(), await freePort()];
    const app = launch(['scripts/start.mjs'], {
      PORT: String(port),
      DATA_DIR: dataDir,
      REDIS_URL: `redis://127.0.0.1:${deadPort}`,
      REDIS_PRIVATE_PORT: String(privatePort),
      WORKERS: '1',
    });
    try {
      await app.waitFor(/started a private Redis at redis:\/\/127\.0\.0\.1:\d+/);
      await app.waitFor(/Tidings is up: http:\/\/127\.0\.0\.1:\d+/);

      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
      const body = (await ready.json()) as { checks: Record<string, { status: string }> };
      expect(body.checks.redis?.status).toBe('ok');
      expect(body.checks.store?.status).toBe('ok');

      const pid = app.child.pid ?? 0;
      const family = descendants(pid);
      // api, worker and redis-server at least.
      expect(family.length).toBeGreaterThanOrEqual(3);

      app.child.kill('SIGINT');
      const { code } = await app.exited();
      expect(code).toBe(0);
      await new Promise((r) => setTimeout(r, 200));
      expect(family.filter(isAlive)).toEqual([]);
    } finally {
      if (app.child.exitCode === null) app.child.kill('SIGKILL');
    }
  });

  it('stops with one readable line and exit code 1 on a bad variable', async () => {
    const app = launch(['scripts/start.mjs'], { PORT: 'abc' });
    const { code } = await app.exited();
    expect(code).toBe(1);
    expect(app.output().trim()).toBe(
      'tidings: Invalid configuration: PORT="abc" is not an integer from 1 to 65535',
    );
  });
});
