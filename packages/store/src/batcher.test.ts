import { describe, expect, it } from 'vitest';
import { Batcher, type BatcherOptions } from './batcher.ts';

/** A Batcher over a write that records each batch and fails for inputs below zero. */
function recording(options: Partial<BatcherOptions<number>> = {}) {
  const batches: number[][] = [];
  const commit = new Batcher<number, string>(
    async (inputs) => {
      batches.push([...inputs]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (inputs.some((n) => n < 0)) throw new Error(`bad input in ${inputs.join(',')}`);
      return inputs.map((n) => `#${n}`);
    },
    { inFlight: 1, maxBatch: 100, maxWeight: 1000, weight: () => 1, ...options },
  );
  return { commit, batches };
}

describe('Batcher', () => {
  it('writes the calls made in one turn together, in the order made, each answered its own', async () => {
    const { commit, batches } = recording();
    const outs = await Promise.all([1, 2, 3, 4].map((n) => commit.submit(n)));
    expect(outs).toEqual(['#1', '#2', '#3', '#4']);
    expect(batches).toEqual([[1, 2, 3, 4]]);
  });

  it('writes a lone call alone, and the calls made during a write together in the next', async () => {
    const { commit, batches } = recording();
    const first = commit.submit(1);
    await new Promise((resolve) => setTimeout(resolve, 1));
    const later = [2, 3, 4].map((n) => commit.submit(n));
    expect(await Promise.all([first, ...later])).toEqual(['#1', '#2', '#3', '#4']);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('fails only the bad call of a failed batch: the others are written again, one by one', async () => {
    const { commit, batches } = recording();
    const outs = await Promise.allSettled([1, -2, 3].map((n) => commit.submit(n)));
    expect(outs).toEqual([
      { status: 'fulfilled', value: '#1' },
      { status: 'rejected', reason: new Error('bad input in -2') },
      { status: 'fulfilled', value: '#3' },
    ]);
    expect(batches).toEqual([[1, -2, 3], [1], [-2], [3]]);
  });

  it('writes a failing lone call once', async () => {
    const { commit, batches } = recording();
    await expect(commit.submit(-1)).rejects.toThrow('bad input in -1');
    expect(batches).toEqual([[-1]]);
  });

  it('keeps batches to their count and weight; a call heavier than the limit goes alone', async () => {
    const { commit, batches } = recording({ maxBatch: 3, maxWeight: 10, weight: (n) => n });
    await Promise.all([1, 1, 1, 1, 4, 5, 20, 2].map((n) => commit.submit(n)));
    expect(batches).toEqual([[1, 1, 1], [1, 4, 5], [20], [2]]);
  });

  it('writes up to inFlight batches at once', async () => {
    let running = 0;
    let most = 0;
    const commit = new Batcher<number, number>(
      async (inputs) => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        return inputs;
      },
      { inFlight: 2, maxBatch: 2, maxWeight: 100, weight: () => 1 },
    );
    expect(await Promise.all([1, 2, 3, 4, 5, 6].map((n) => commit.submit(n)))).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
    expect(most).toBe(2);
  });
});
