import { randomUUID } from 'node:crypto';
import { createRedisConnection } from '@tidings/queue';
import { type Job, Queue, Worker } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { cutOffPolicy, EXPIRED_WHILE_CUT_OFF } from './cut-off-policy.ts';
import { HeldJobs } from './held-jobs.ts';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test-cut-off-${randomUUID()}`;
const connection = createRedisConnection(url, 'worker');
const queue = new Queue('translate', { connection, prefix });
const closing: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of closing) await close();
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
});

const until = async (what: string, check: () => boolean | Promise<boolean>) => {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

const data = (n: number) => ({ articleId: `a${n}`, revision: 1, target: 'es' as const });

describe('a worker cut off from Redis', () => {
  it('takes no new job, gives up the jobs whose locks ran out, and takes jobs again once back', async () => {
    const held = new HeldJobs();
    const given: { id: string; reason: unknown }[] = [];
    const done: string[] = [];
    // A translation that runs until it is withdrawn, or finishes at once once the link is back.
    let back = false;
    const processor = held.holding(async (job: Job, _token?: string, signal?: AbortSignal) => {
      if (back) {
        done.push(job.id ?? '');
        return;
      }
      await new Promise<void>((resolve) => {
        signal?.addEventListener('abort', () => {
          given.push({ id: job.id ?? '', reason: signal.reason });
          resolve();
        });
      });
    });
    const workerConnection = createRedisConnection(url, 'worker');
    const worker = new Worker('translate', processor, {
      connection: workerConnection,
      prefix,
      // Both slots full when the link goes: any job it takes after that, it fetched while cut off.
      concurrency: 2,
    });
    closing.push(async () => {
      await worker.close(true);
      workerConnection.disconnect();
    });
    // Locks renewed in Redis all along; the policy goes by the renewals it heard of, none here.
    const policy = cutOffPolicy(worker, held, 300);

    await queue.add('translate', data(1), { jobId: 'a1.r1.es' });
    await queue.add('translate', data(2), { jobId: 'a2.r1.es' });
    await until('both jobs to be held', () => held.list().length === 2);

    policy.onLost();
    expect(worker.isPaused()).toBe(true);
    await queue.add('translate', data(3), { jobId: 'a3.r1.es' });
    await new Promise((r) => setTimeout(r, 400));
    policy.whileLost();
    await until('both held jobs to be given up', () => given.length === 2);
    expect(given.map((g) => g.id).sort()).toEqual(['a1.r1.es', 'a2.r1.es']);
    expect(String(given[0]?.reason)).toContain(EXPIRED_WHILE_CUT_OFF);
    // Its slots are free now; a paused worker still leaves the waiting job alone.
    await until('the given-up jobs to leave', () => held.list().length === 0);
    await new Promise((r) => setTimeout(r, 500));
    expect(await (await queue.getJob('a3.r1.es'))?.getState(), 'no new job taken').toBe('waiting');
    expect(held.list()).toEqual([]);

    back = true;
    policy.onBack();
    await until('the waiting job to be taken once the link is back', () =>
      done.includes('a3.r1.es'),
    );
    expect(worker.isPaused()).toBe(false);
  }, 30_000);
});
