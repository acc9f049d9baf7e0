import { describe, expect, it } from 'vitest';
import { HeldJobs } from './held-jobs.ts';

const job = (id: string) => ({
  id,
  data: { articleId: id.split('.')[0] ?? '', revision: 1, target: 'es' as const },
});

describe('HeldJobs', () => {
  it('holds a job while its processor runs, with the signal BullMQ gave it', async () => {
    const held = new HeldJobs();
    let during: string[] = [];
    let signalSeen: AbortSignal | undefined;
    const signal = new AbortController().signal;
    const processor = held.holding(async (_job, _token, s?: AbortSignal) => {
      during = held.list().map((j) => `${j.id} ${j.articleId} ${j.language}`);
      signalSeen = s;
      return 'done';
    });
    expect(processor).toHaveLength(3); // BullMQ hands a signal only to processors that take one
    expect(await processor(job('a1.r1.es'), 'token', signal)).toBe('done');
    expect(during).toEqual(['a1.r1.es a1 es']);
    expect(signalSeen).toBe(signal);
    expect(held.list()).toEqual([]);
  });

  it('says which locks have surely run out: those not renewed for a whole lock duration', async () => {
    const held = new HeldJobs();
    let release: () => void = () => undefined;
    const running = new Promise<void>((r) => {
      release = r;
    });
    const processor = held.holding(() => running);
    const taken = Date.now();
    const both = Promise.all([processor(job('a.r1.es')), processor(job('b.r1.es'))]);
    held.renewed(['b.r1.es'], taken + 800);
    expect(held.expired(1_000, taken + 500)).toEqual([]);
    expect(held.expired(1_000, taken + 1_200)).toEqual(['a.r1.es']);
    expect(held.has('a.r1.es')).toBe(true);
    release();
    await both;
    expect(held.has('a.r1.es')).toBe(false);
  });
});
