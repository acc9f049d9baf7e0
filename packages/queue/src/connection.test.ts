import { afterEach, describe, expect, it } from 'vitest';
import { createRedisConnection, whenReady } from './connection.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const open: { disconnect(): void }[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.disconnect();
});

describe('createRedisConnection', () => {
  it('talks to the real Redis', async () => {
    const redis = createRedisConnection(REDIS_URL, 'producer');
    open.push(redis);
    await whenReady(redis);
    expect(await redis.ping()).toBe('PONG');
  });

  it('fails fast as a producer when nothing answers, instead of hanging', async () => {
    // Port 1 is never a Redis; the producer must give up within its connect timeout.
    const redis = createRedisConnection('redis://127.0.0.1:1', 'producer');
    redis.on('error', () => undefined);
    open.push(redis);
    const started = Date.now();
    await expect(redis.ping()).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('waits for Redis as a worker (BullMQ requires maxRetriesPerRequest: null)', () => {
    const redis = createRedisConnection(REDIS_URL, 'worker');
    open.push(redis);
    expect(redis.options.maxRetriesPerRequest).toBeNull();
  });
});
