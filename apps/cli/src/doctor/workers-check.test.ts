import { randomUUID } from 'node:crypto';
import { createRedisConnection, WorkerRegistry } from '@tidings/queue';
import { sampleWorker } from '@tidings/queue/testing';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { workersCheck } from './workers-check.ts';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redis = createRedisConnection(redisUrl, 'worker');
const prefix = `test-doctor-${randomUUID()}`;
const registry = new WorkerRegistry(redis, prefix);
const config = { redisUrl, queuePrefix: prefix };
const held = [
  { id: 'a7.r1.de', articleId: 'a7', revision: 1, language: 'de' as const, since: 'then' },
];

afterEach(() => redis.del(`${prefix}:workers`, `${prefix}:workers:seen`));
afterAll(() => redis.disconnect());

/** Announces a worker that then falls silent at once, holding `held`. */
async function silentWorker(id: string): Promise<void> {
  await registry.announce(sampleWorker(id, { pid: 99, silentAfterMs: 50, jobs: held }));
  await new Promise((r) => setTimeout(r, 150));
}

describe('doctor: the Workers check', () => {
  it('fails when no worker has been heard from, saying that articles wait', async () => {
    const check = await workersCheck(config);
    expect(check).toMatchObject({ status: 'fail' });
    expect(check.detail).toMatch(/none has been heard from in the last hour/);
    expect(check.fix).toMatch(/npm run worker/);
  });

  it('says under which QUEUE_PREFIX it looked when it finds none, and how to look elsewhere', async () => {
    await registry.announce(sampleWorker('translator-1:4242:abc123'));
    const check = await workersCheck({ redisUrl, queuePrefix: `${prefix}-other` });
    expect(check.status).toBe('fail');
    expect(check.detail).toBe(
      `none has been heard from in the last hour under QUEUE_PREFIX=${prefix}-other: articles wait in the queue untranslated`,
    );
    expect(check.fix).toMatch(
      /if `tidings workers` lists one, run doctor with the service's QUEUE_PREFIX and REDIS_URL$/,
    );
  });

  it('passes with a worker alive, naming its host and pid', async () => {
    await registry.announce(sampleWorker('translator-1:4242:abc123'));
    const check = await workersCheck(config);
    expect(check).toEqual({
      name: 'Workers',
      status: 'ok',
      detail: '1 alive (translator-1 pid 4242)',
    });
  });

  it('warns of a silent worker and names the jobs it held', async () => {
    await silentWorker('translator-2:99:def456');
    await registry.announce(sampleWorker('translator-1:4242:abc123'));
    const check = await workersCheck(config);
    expect(check.status).toBe('warn');
    expect(check.detail).toMatch(
      /^1 alive \(translator-1 pid 4242\); 1 silent: translator-2 pid 99 silent for [\d.]+ m?s, held a7\.r1\.de$/,
    );
    expect(check.fix).toMatch(/killed or lost its link to Redis/);
  });

  it('fails when every worker heard from is silent', async () => {
    await silentWorker('translator-2:99:def456');
    const check = await workersCheck(config);
    expect(check.status).toBe('fail');
    expect(check.detail).toBe('none alive; 1 silent: articles wait in the queue untranslated');
  });

  it('fails, pointing at the Redis check, when Redis does not answer', async () => {
    const check = await workersCheck({ redisUrl: 'redis://127.0.0.1:1', queuePrefix: prefix });
    expect(check).toMatchObject({ status: 'fail', fix: 'see the Redis check' });
  });
});
