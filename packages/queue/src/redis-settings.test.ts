import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisConnection, whenReady } from './connection.ts';
import { inspectRedisSettings } from './redis-settings.ts';

// A private redis-server, so the test can set what it checks without touching the shared one.
const port = 20_000 + Math.floor(Math.random() * 20_000);
let server: ChildProcess;
// The test turns the append-only file on: its files go to a scratch directory, not the tree.
const dir = mkdtempSync(join(tmpdir(), 'tidings-redis-settings-'));
const redis = createRedisConnection(`redis://127.0.0.1:${port}`, 'worker');
redis.on('error', () => undefined);

beforeAll(async () => {
  server = spawn(
    'redis-server',
    [...['--port', String(port), '--dir', dir], ...['--save', '', '--appendonly', 'no']],
    {
      stdio: 'ignore',
    },
  );
  await whenReady(redis, 10_000);
});
afterAll(() => {
  redis.disconnect();
  server.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('inspectRedisSettings', () => {
  it('reports an evicting Redis that persists nothing, saying how to fix each', async () => {
    await redis.call('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru');
    const report = await inspectRedisSettings(redis);
    expect(report.maxmemoryPolicy).toBe('allkeys-lru');
    expect(report.problems).toHaveLength(2);
    expect(report.problems[0]).toMatch(/noeviction/);
    expect(report.problems[1]).toMatch(/appendonly yes/);
  });

  it('is content with noeviction and an append-only file', async () => {
    await redis.call('CONFIG', 'SET', 'maxmemory-policy', 'noeviction');
    await redis.call('CONFIG', 'SET', 'appendonly', 'yes');
    expect((await inspectRedisSettings(redis)).problems).toEqual([]);
  });
});
