import { createRedisConnection, translateQueue, WorkerRegistry, whenReady } from '@tidings/queue';
import { PrivateRedis, sampleWorker } from '@tidings/queue/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';
import { ApiMetrics } from './api-metrics.ts';

let h: ApiHarness;
let redis: PrivateRedis;
let connection: Redis;

// A Redis of its own, which the test freezes (SIGSTOP): it stops answering while its sockets
// stay open, as a hung Redis or a link that loses every packet.
beforeAll(async () => {
  h = await apiHarness();
  redis = await PrivateRedis.start();
  connection = createRedisConnection(redis.url, 'producer');
  connection.on('error', () => undefined); // while the test freezes Redis
  await whenReady(connection);
});
afterAll(async () => {
  connection?.disconnect();
  await redis?.stop();
  await h?.close();
});

describe('GET /metrics while Redis does not answer', () => {
  it('answers within the Redis timeout, with what the store says and no worker seen', {
    timeout: 30_000,
  }, async () => {
    const queue = translateQueue({ connection, prefix: 'metrics-test' });
    const workers = new WorkerRegistry(connection, 'metrics-test');
    await workers.announce(sampleWorker('translator-1:4242:abc123'));
    const metrics = new ApiMetrics({
      store: h.store,
      queues: [queue],
      workers,
      redisTimeoutMs: 500,
    });
    expect(await metrics.render()).toMatch(/^tidings_workers\{state="alive"\} 1$/m);

    redis.freeze();
    await new Promise((r) => setTimeout(r, 300)); // the signal is delivered asynchronously
    try {
      const started = Date.now();
      // Before, the scrape waited for Redis for ever (a Prometheus scrape timed out with no
      // metrics at all, when they matter most).
      const text = await Promise.race([
        metrics.render(),
        new Promise<string>((resolve) => setTimeout(() => resolve('(no answer)'), 10_000)),
      ]);
      expect(text).not.toBe('(no answer)');
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(text).toMatch(/^tidings_workers\{state="alive"\} 0$/m);
      expect(text).not.toMatch(/^tidings_queue_jobs\{/m);
      expect(text).toMatch(/^# TYPE tidings_translations gauge$/m);
    } finally {
      redis.thaw();
    }
  });
});
