import { describe, expect, it } from 'vitest';
import { resultJobId } from './result-message.ts';
import { translateJobId } from './translate-job.ts';

describe('job ids', () => {
  it('derives the same id for the same article, revision and language', () => {
    expect(translateJobId('a1', 1, 'es')).toBe(translateJobId('a1', 1, 'es'));
    expect(translateJobId('a1', 2, 'es')).not.toBe(translateJobId('a1', 1, 'es'));
    expect(translateJobId('a1', 1, 'de')).not.toBe(translateJobId('a1', 1, 'es'));
  });

  it('gives a retry of a revision a job of its own, and the first translation its old id', () => {
    expect(translateJobId('a1', 1, 'es', 0)).toBe('a1.r1.es');
    expect(translateJobId('a1', 1, 'es', 1)).not.toBe(translateJobId('a1', 1, 'es'));
    expect(translateJobId('a1', 1, 'es', 2)).not.toBe(translateJobId('a1', 1, 'es', 1));
    expect(resultJobId('finished', 'a1', 1, 'es', 1)).not.toBe(
      resultJobId('finished', 'a1', 1, 'es'),
    );
  });

  it('never holds a colon, which BullMQ refuses in custom ids', () => {
    expect(translateJobId('a1', 3, 'uk')).not.toContain(':');
    expect(resultJobId('finished', 'a1', 3, 'uk')).not.toContain(':');
  });
});
