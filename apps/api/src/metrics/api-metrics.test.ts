import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createRedisConnection, translateQueue, WorkerRegistry } from '@tidings/queue';
import { sampleWorker } from '@tidings/queue/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';
import { ApiMetrics } from './api-metrics.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

let h: ApiHarness;
let redis: ChildProcess;
let connection: Redis;

// A Redis of its own, which the test freezes (SIGSTOP): it stops answering while its sockets
// stay open, as a hung Redis or a link that loses every packet.
beforeAll(async () => {
  h = await apiHarness();
  const port = await freePort();
  redis = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  connection = createRedisConnection(`redis://127.0.0.1:${port}`, 'producer');
  connection.on('error', () => undefined); // refused until redis-server listens
  for (let tries = 0; ; tries++) {
    try {
      await connection.ping();
      break;
    } catch (error) {
      if (tries > 100) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
});
afterAll(async () => {
  connection?.disconnect();
  redis?.kill('SIGKILL');
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

    redis.kill('SIGSTOP');
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
      redis.kill('SIGCONT');
    }
  });
});
