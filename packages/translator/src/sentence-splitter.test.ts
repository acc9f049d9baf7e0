import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentence-splitter.ts';

const pieces = (text: string, lang: 'en' | 'de' | 'uk' = 'en', max = 1000) =>
  splitSentences(text, lang, max).map((r) => text.slice(r.start, r.end));

describe('splitSentences', () => {
  it('keeps titles and initials inside their sentence', () => {
    expect(
      pieces(
        'He met Lt. Gen. Curtis Buzzard in Kyiv. John F. Kennedy was not there. Then he left.',
      ),
    ).toEqual([
      'He met Lt. Gen. Curtis Buzzard in Kyiv.',
      'John F. Kennedy was not there.',
      'Then he left.',
    ]);
  });

  it('trims whitespace and yields nothing for blank text', () => {
    expect(pieces('  One.   Two.  ')).toEqual(['One.', 'Two.']);
    expect(pieces(' \n ')).toEqual([]);
  });

  it('splits Ukrainian and German sentences', () => {
    expect(pieces('Міністр прибув до Києва. Зустріч тривала годину.', 'uk')).toEqual([
      'Міністр прибув до Києва.',
      'Зустріч тривала годину.',
    ]);
    expect(pieces('Der Minister kam z.B. nach Kiew. Er blieb.', 'de')).toHaveLength(2);
  });

  it('splits an over-long sentence at a clause boundary, never truncating', () => {
    const text = `${'word '.repeat(30).trim()}, ${'more '.repeat(30).trim()}.`;
    const out = pieces(text, 'en', 200);
    expect(out).toEqual([`${'word '.repeat(30).trim()},`, `${'more '.repeat(30).trim()}.`]);
  });

  it('splits at spaces when there is no clause boundary', () => {
    const text = 'alpha '.repeat(100).trim();
    const out = pieces(text, 'en', 64);
    expect(out.every((p) => p.length <= 64)).toBe(true);
    expect(out.join(' ')).toBe(text);
  });

  it('cuts a 2 MB run without spaces into pieces within the limit, quickly and losslessly', () => {
    const text = 'x'.repeat(2 * 1024 * 1024);
    const started = Date.now();
    const ranges = splitSentences(text, 'en', 1000);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(ranges.every((r) => r.end - r.start <= 1000)).toBe(true);
    expect(ranges.reduce((n, r) => n + r.end - r.start, 0)).toBe(text.length);
  });
});
