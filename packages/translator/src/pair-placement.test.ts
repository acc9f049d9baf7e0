import { describe, expect, it } from 'vitest';
import { pairSpans, placePairs } from './pair-placement.ts';
import { decodeSegment, encodeSegment, type LocalMark } from './placeholder-codec.ts';

// 'The minister said 1,000 [image] today.' with a link on "minister" and an image.
const MARKS: LocalMark[] = [
  { type: 'open', at: 4, node: 0 },
  { type: 'close', at: 12, node: 0 },
  { type: 'void', at: 24, node: 1 },
];
const { text: input, slots } = encodeSegment('The minister said 1,000 today.', MARKS);
const minister = [{ slot: 0, translation: 'Ministro.' }];

describe('pairSpans', () => {
  it('gives the words of each pair with a letter and no other placeholder inside', () => {
    expect(pairSpans(input, slots)).toEqual([{ slot: 0, text: 'minister' }]);
    const nested = encodeSegment('On 5 May, a big day.', [
      { type: 'open', at: 3, node: 0 },
      { type: 'close', at: 8, node: 0 },
      { type: 'open', at: 10, node: 1 },
      { type: 'void', at: 12, node: 2 },
      { type: 'close', at: 15, node: 1 },
    ]);
    // '5 May' has letters; the second pair holds a void: not translated alone.
    expect(pairSpans(nested.text, nested.slots)).toEqual([{ slot: 0, text: '5 May' }]);
    const digits = encodeSegment('Call 112 now.', [
      { type: 'open', at: 5, node: 0 },
      { type: 'close', at: 8, node: 0 },
    ]);
    expect(pairSpans(digits.text, digits.slots)).toEqual([]);
  });
});

describe('placePairs', () => {
  it('moves a pair onto the one occurrence of its words, ignoring case and end punctuation', () => {
    const out = placePairs('El ministro <g1> dijo </g1> 1.000 <x2/> hoy.', slots, minister);
    expect(out.text).toBe('El <g1> ministro </g1> dijo 1.000 <x2/> hoy.');
    expect(out.repairs).toEqual([
      { placeholder: '<g1>', how: 'moved' },
      { placeholder: '</g1>', how: 'moved' },
    ]);
    expect(decodeSegment(out.text, slots).ok).toBe(true);
  });

  it('leaves a pair that already holds its words, and one whose words occur twice or not at all', () => {
    for (const output of [
      'El <g1> ministro </g1> dijo 1.000 <x2/> hoy.',
      '<g1> El ministro </g1> dijo 1.000 <x2/> hoy.',
      'El ministro dijo <g1> al ministro </g1> 1.000 <x2/> hoy.',
      'El ministro <g1> dijo </g1> 1.000 <x2/> hoy ministro.',
      'El jefe <g1> dijo </g1> 1.000 <x2/> hoy.',
      // Only whole words: 'ministros' is not 'ministro'.
      'Los ministros <g1> dijo </g1> 1.000 <x2/> hoy.',
    ]) {
      expect(placePairs(output, slots, minister), output).toEqual({ text: output, repairs: [] });
    }
  });

  it('keeps words whole in a sentence that holds an emoji, a letter beyond the BMP or İ', () => {
    for (const lead of ['🇺🇦', '𝕏', 'İ']) {
      const out = placePairs(
        `${lead} El ministro <g1> dijo </g1> 1.000 <x2/> hoy.`,
        slots,
        minister,
      );
      expect(out.text).toBe(`${lead} El <g1> ministro </g1> dijo 1.000 <x2/> hoy.`);
    }
  });

  it('does not move a pair across another tag', () => {
    const output = 'El minis <x2/> tro <g1> dijo </g1> 1.000 hoy.';
    const spans = [{ slot: 0, translation: 'minis tro' }];
    expect(placePairs(output, slots, spans)).toEqual({ text: output, repairs: [] });
  });
});
