import { describe, expect, it } from 'vitest';
import { estimateTokens, planBatches } from './batch-planner.ts';

describe('planBatches', () => {
  it('sorts by length so that a batch holds texts of similar length', () => {
    const texts = ['a'.repeat(300), 'b'.repeat(10), 'c'.repeat(290), 'd'.repeat(12)];
    expect(planBatches(texts, 150)).toEqual([[1, 3], [2], [0]]);
  });

  it('keeps rows × longest row within the budget, and runs an over-long text alone', () => {
    const texts = Array.from({ length: 10 }, (_, i) => 'x'.repeat(30 + i));
    const batches = planBatches(texts, 100);
    for (const batch of batches) {
      const longest = Math.max(...batch.map((i) => estimateTokens(texts[i] ?? '')));
      expect(batch.length === 1 || longest * batch.length <= 100).toBe(true);
    }
    expect(batches.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(planBatches(['y'.repeat(3000)], 100)).toEqual([[0]]);
  });

  it('counts a text that takes rows along (the words of its links) as that many rows', () => {
    const texts = ['a', 'b', 'c', 'd'];
    expect(planBatches(texts, 40, [10, 10, 10, 10])).toEqual([[0, 1, 2, 3]]);
    expect(planBatches(texts, 40, [10, 10, 10, 10], [2, 1, 1, 1])).toEqual([[0, 1, 2], [3]]);
  });
});

describe('planBatches with the tokenizer’s counts', () => {
  it('plans on real lengths when given them, filling each batch to its budget', () => {
    const texts = ['a', 'b', 'c', 'd'];
    // Each text is 10 tokens by the tokenizer: four fit a budget of 40.
    expect(planBatches(texts, 40, [10, 10, 10, 10])).toEqual([[0, 1, 2, 3]]);
    // At 20 tokens each, two per batch.
    expect(planBatches(texts, 40, [20, 20, 20, 20])).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
});
