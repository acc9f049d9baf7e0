import { describe, expect, it } from 'vitest';
import { digitRuns, missingItems } from './missing-items.ts';
import { checkTranslation } from './quality-gate.ts';
import { survivalCheck } from './survival-check.ts';

describe('missingItems', () => {
  it('counts repeats: a number said twice must be there twice', () => {
    expect(missingItems(['5', '5', '12'], ['5', '12'])).toEqual(['5']);
    expect(missingItems(['5', '5'], ['5', '5', '5'])).toEqual([]);
  });

  it('lists what is lacking in the order wanted', () => {
    expect(missingItems(['a', 'b', 'c'], ['b'])).toEqual(['a', 'c']);
  });
});

describe('digitRuns', () => {
  it('splits at every non-digit, grouping separators included', () => {
    expect(digitRuns('On 5 May, 1,200 left; 3.5%.')).toEqual(['5', '1', '200', '3', '5']);
    expect(digitRuns('No numbers.')).toEqual([]);
  });
});

// The two number checks share the counting, not the normalising: the quality gate compares raw
// digit runs, so a model that writes `1200` for `1,200` is flagged for review, while the eval's
// survival check removes thousands separators first and counts it as kept. Both on purpose.
describe('number checks over the shared counting', () => {
  it('the gate flags 1200 for 1,200; the survival check does not', () => {
    expect(checkTranslation('It cost 1,200 euros.', 'Costó 1200 euros.', [])).toEqual({
      code: 'number-missing',
      number: '1',
    });
    expect(survivalCheck('It cost 1,200 euros.', 'Costó 1200 euros.', []).numbers).toBe(true);
  });
});
