import { randomUUID } from 'node:crypto';
import { createRedisConnection, WorkerRegistry } from '@tidings/queue';
import { sampleWorker } from '@tidings/queue/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { workersTable } from './workers.ts';

const redis = createRedisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 'worker');
const prefix = `test-workers-table-${randomUUID()}`;
afterAll(async () => {
  await redis.del(`${prefix}:workers`, `${prefix}:workers:seen`);
  redis.disconnect();
});

describe('tidings workers', () => {
  it('says how to start a worker when none has been heard from', () => {
    expect(workersTable({ alive: 0, silent: 0, workers: [] })).toMatch(
      /start one with `npm run worker`/,
    );
  });

  it('shows a silent worker as silent, and under the table the jobs it held', async () => {
    const registry = new WorkerRegistry(redis, prefix);
    const jobs = [
      { id: 'a7.r1.de', articleId: 'a7', revision: 1, language: 'de' as const, since: 'then' },
    ];
    await registry.announce(sampleWorker('translator-2:99:def456', { silentAfterMs: 50, jobs }));
    await new Promise((r) => setTimeout(r, 150));
    await registry.announce(sampleWorker('translator-1:4242:abc123'));
    const workers = await registry.list();
    const table = workersTable({ alive: 1, silent: 1, workers });
    expect(table).toMatch(/^WORKER +STATE +LAST HEARD +VERSION +JOBS +MODELS$/m);
    expect(table).toMatch(
      /^translator-1:4242:abc123 +alive +[\d.]+ m?s ago +0\.1\.0 +0\/8 +Xenova\/opus-mt-en-es$/m,
    );
    expect(table).toMatch(/^translator-2:99:def456 +silent +[\d.]+ m?s ago +0\.1\.0 +1\/8 /m);
    expect(table).toMatch(/^1 alive, 1 silent$/m);
    expect(table).toMatch(
      /^translator-2:99:def456 went silent holding: a7\.r1\.de \(article a7, de\)$/m,
    );
  });
});
