import { describe, expect, it } from 'vitest';
import { chrF } from './chrf.ts';

// Expected values are sacrebleu 2.6.0's own: `CHRF().corpus_score(hyps, [refs]).score`.
describe('chrF', () => {
  it('scores a sentence as sacrebleu does (its documented example)', () => {
    expect(
      chrF(
        ['The relationship between Obama and Netanyahu is not exactly friendly.'],
        ['The ties between Obama and Netanyahu are not particularly friendly.'],
      ),
    ).toBeCloseTo(61.576379378113785, 10);
  });

  it('sums the n-gram counts over the corpus before taking one F-score', () => {
    expect(chrF(['abc', 'Hallo Welt'], ['abd', 'Hallo, Welt!'])).toBeCloseTo(42.77794722335187, 10);
    expect(
      chrF(
        ['Der Minister dankte.', 'Le ministre a remercié le Royaume-Uni.'],
        [
          'Der Minister bedankte sich.',
          'Le ministre a remercié le Royaume‑Uni pour son leadership.',
        ],
      ),
    ).toBeCloseTo(59.925088972947314, 10);
  });

  it('counts Cyrillic and astral characters as one character each and ignores every kind of space', () => {
    expect(
      chrF(
        ['Україна отримала статус', 'Pourquoi ?'],
        ['Україна здобула статус', 'Pourquoi\u202f?'],
      ),
    ).toBeCloseTo(67.06449340715346, 10);
    expect(chrF(['😀 drones 45'], ['drones 45 😀'])).toBeCloseTo(85.2579365079365, 10);
  });

  it('averages only the orders a short hypothesis has', () => {
    expect(chrF(['ab'], ['abcdefgh'])).toBeCloseTo(23.404255319148938, 10);
  });

  it('gives 100 to an identical translation and 0 to an empty one', () => {
    expect(chrF(['Норвегія прийме наступну зустріч.'], ['Норвегія прийме наступну зустріч.'])).toBe(
      100,
    );
    expect(chrF([''], ['abc'])).toBe(0);
  });

  it('refuses hypotheses and references of different lengths', () => {
    expect(() => chrF(['a', 'b'], ['a'])).toThrow(/one reference per hypothesis/);
  });
});
