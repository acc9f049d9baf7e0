import { describe, expect, it } from 'vitest';
import { lostForeignRuns } from './lost-content.ts';

describe('lostForeignRuns', () => {
  it('names each foreign-script run the translation lacks, once', () => {
    expect(
      lostForeignRuns(
        'Se reunió con <g1> محمد بن سلمان </g1> y con בנימין נתניהו, no con 习近平 ni con בנימין נתניהו.',
        'Met with <g1> </g1> and with, not with 习近平 nor with.',
        'es',
      ),
    ).toEqual(['محمد بن سلمان', 'בנימין נתניהו']);
  });

  it('accepts a run that survived with other spacing around it', () => {
    expect(
      lostForeignRuns('Zustand: Κυριάκος  Μητσοτάκης.', 'Estado:Κυριάκος Μητσοτάκης.', 'de'),
    ).toEqual([]);
  });

  it('checks capitalised Latin names in a Ukrainian source', () => {
    expect(lostForeignRuns('Зустріч з Emmanuel Macron.', 'Meeting with Macron.', 'uk')).toEqual([
      'Emmanuel Macron',
    ]);
  });
});
