import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisConnection } from './connection.ts';
import { sampleWorker } from './testing/sample-worker.ts';
import { WorkerRegistry } from './worker-registry.ts';

const redis = createRedisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 'worker');
const prefix = `test-registry-${randomUUID()}`;
afterAll(async () => {
  await redis.del(`${prefix}:workers`, `${prefix}:workers:seen`);
  redis.disconnect();
});

describe('the worker registry', () => {
  const registry = new WorkerRegistry(redis, prefix);

  it('lists a worker that announced itself as alive, with what it said', async () => {
    const jobs = [
      { id: 'a1.r1.es', articleId: 'a1', revision: 1, language: 'es' as const, since: 'now' },
    ];
    await registry.announce(sampleWorker('w-alive', { jobs }));
    const [listed] = await registry.list();
    expect(listed).toMatchObject({ id: 'w-alive', state: 'alive', host: 'w-alive', jobs });
    expect(listed?.lastSeenAgoMs).toBeLessThan(15_000);
  });

  it('reports a worker unheard for longer than its own silence limit as silent, with its jobs', async () => {
    const jobs = [
      { id: 'a2.r1.de', articleId: 'a2', revision: 1, language: 'de' as const, since: 'then' },
    ];
    await registry.announce(sampleWorker('w-quiet', { silentAfterMs: 100, jobs }));
    await new Promise((r) => setTimeout(r, 300));
    const quiet = (await registry.list()).find((w) => w.id === 'w-quiet');
    expect(quiet).toMatchObject({ state: 'silent', jobs });
    expect(quiet?.lastSeenAgoMs).toBeGreaterThanOrEqual(200);
    // A heartbeat makes it alive again.
    await registry.announce(sampleWorker('w-quiet', { silentAfterMs: 100 }));
    expect((await registry.list()).find((w) => w.id === 'w-quiet')?.state).toBe('alive');
  });

  it('lists alive workers before silent ones', async () => {
    await registry.announce(sampleWorker('w-0-silent', { silentAfterMs: 1 }));
    await new Promise((r) => setTimeout(r, 50));
    const states = (await registry.list()).map((w) => w.state);
    expect(states).toEqual([...states].sort());
  });

  it('forgets a worker that stopped cleanly, and one silent for over an hour', async () => {
    await registry.announce(sampleWorker('w-gone'));
    await registry.withdraw('w-gone');
    await registry.announce(sampleWorker('w-ancient'));
    await redis.zadd(`${prefix}:workers:seen`, Date.now() - 2 * 3_600_000, 'w-ancient');
    const ids = (await registry.list()).map((w) => w.id);
    expect(ids).not.toContain('w-gone');
    expect(ids).not.toContain('w-ancient');
    expect(await redis.hexists(`${prefix}:workers`, 'w-ancient')).toBe(0);
  });

  it('leaves out an entry that is not a worker announcement, rather than failing the list', async () => {
    await redis.hset(`${prefix}:workers`, 'w-garbled', '{not json');
    await redis.zadd(`${prefix}:workers:seen`, Date.now(), 'w-garbled');
    const ids = (await registry.list()).map((w) => w.id);
    expect(ids).not.toContain('w-garbled');
    expect(ids).toContain('w-alive');
  });
});
