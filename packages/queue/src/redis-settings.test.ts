import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisConnection, whenReady } from './connection.ts';
import { inspectRedisSettings } from './redis-settings.ts';
import { PrivateRedis } from './testing/private-redis.ts';

// A private redis-server, so the test can set what it checks without touching the shared one;
// it turns the append-only file on, whose files go to the server's scratch directory.
let server: PrivateRedis;
let redis: Redis;

beforeAll(async () => {
  server = await PrivateRedis.start();
  redis = createRedisConnection(server.url, 'producer');
  await whenReady(redis);
});
afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
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
