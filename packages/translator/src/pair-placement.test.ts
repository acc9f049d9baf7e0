import { describe, expect, it } from 'vitest';
import { pairSpans, placePairs } from './pair-placement.ts';
import { decodeSegment, encodeSegment, type LocalMark, type Slot } from './placeholder-codec.ts';

// 'The minister said 1,000 [image] today.' with a link on "minister" and an image.
const MARKS: LocalMark[] = [
  { type: 'open', at: 4, node: 0 },
  { type: 'close', at: 12, node: 0 },
  { type: 'void', at: 24, node: 1 },
];
const { text: input, slots } = encodeSegment('The minister said 1,000 today.', MARKS);
const minister = [{ slot: 0, translation: 'Ministro.' }];

describe('pairSpans', () => {
  it('gives the words of each pair with a letter, with the placeholders inside it', () => {
    expect(pairSpans(input, slots)).toEqual([{ slot: 0, text: 'minister', inner: [] }]);
    const nested = encodeSegment('On 5 May, a big day.', [
      { type: 'open', at: 3, node: 0 },
      { type: 'close', at: 8, node: 0 },
      { type: 'open', at: 10, node: 1 },
      { type: 'void', at: 12, node: 2 },
      { type: 'close', at: 15, node: 1 },
    ]);
    // '5 May' has letters; the second pair holds a void, given as the sentence has it.
    expect(pairSpans(nested.text, nested.slots)).toEqual([
      { slot: 0, text: '5 May', inner: [] },
      { slot: 1, text: 'a <x3/> big', inner: [2] },
    ]);
    // A link around emphasis: the emphasis alone, and the link with it inside.
    const emphasis = encodeSegment('See the new plan.', [
      { type: 'open', at: 4, node: 0 },
      { type: 'open', at: 8, node: 1 },
      { type: 'close', at: 11, node: 1 },
      { type: 'close', at: 16, node: 0 },
    ]);
    expect(emphasis.text).toBe('See <g1> the <g2> new </g2> plan </g1> .');
    expect(pairSpans(emphasis.text, emphasis.slots)).toEqual([
      { slot: 0, text: 'the <g2> new </g2> plan', inner: [1] },
      { slot: 1, text: 'new', inner: [] },
    ]);
    // Nothing but a term inside: no words to find.
    const term = encodeSegment('Ask JEF now.', [
      { type: 'open', at: 4, node: 0 },
      { type: 'void', at: 4, node: 1 },
      { type: 'close', at: 4, node: 0 },
    ]);
    expect(pairSpans(term.text, term.slots)).toEqual([]);
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

// 'The minister said the JEF meeting was new.' with a link on "the JEF meeting", JEF a term.
const term = encodeSegment('The minister said the  meeting was new.', [
  { type: 'open', at: 18, node: 0 },
  { type: 'void', at: 22, node: 1 },
  { type: 'close', at: 30, node: 0 },
]);
const meeting = [{ slot: 0, translation: 'el <x2/> reunión', inner: [1] }];

// 'See the new plan today.' with a link on "the new plan", "new" stressed.
const emphasis = encodeSegment('See the new plan today.', [
  { type: 'open', at: 4, node: 0 },
  { type: 'open', at: 8, node: 1 },
  { type: 'close', at: 11, node: 1 },
  { type: 'close', at: 16, node: 0 },
]);
const plan = [
  // The model moved the emphasis in the words alone too: only the words count.
  { slot: 0, translation: 'el nuevo <g2> plan </g2>', inner: [1] },
  { slot: 1, translation: 'nuevo', inner: [] },
];

describe('placePairs around a protected term or another tag', () => {
  it('moves a link around a term onto its words, the term inside wherever the model put it by them', () => {
    expect(term.text).toBe('The minister said <g1> the <x2/> meeting </g1> was new.');
    for (const [output, placed] of [
      [
        'El ministro dijo el <g1> reunión <x2/> fue </g1> nueva.',
        'El ministro dijo <g1> el reunión <x2/> </g1> fue nueva.',
      ],
      [
        'El ministro dijo el <x2/> <g1> reunión fue </g1> nueva.',
        'El ministro dijo <g1> el <x2/> reunión </g1> fue nueva.',
      ],
      // The term is far from the words: wrapping them would leave it out of the link.
      [
        'El ministro <x2/> dijo el <g1> reunión fue </g1> nueva.',
        'El ministro <x2/> dijo el <g1> reunión fue </g1> nueva.',
      ],
    ] as const) {
      const out = placePairs(output, term.slots, meeting);
      if (placed === output) {
        expect(out, output).toEqual({ text: output, repairs: [] });
        continue;
      }
      expect(out.text, output).toBe(placed);
      expect(out.repairs).toEqual([
        { placeholder: '<g1>', how: 'moved' },
        { placeholder: '</g1>', how: 'moved' },
      ]);
      expect(decodeSegment(out.text, term.slots).ok).toBe(true);
    }
  });

  it('places the emphasis first, then the link around it', () => {
    const out = placePairs('Ver el <g1> nuevo plan <g2> hoy </g2> </g1> .', emphasis.slots, plan);
    expect(out.text).toBe('Ver <g1> el <g2> nuevo </g2> plan </g1> hoy .');
    expect(out.repairs.map((r) => r.placeholder)).toEqual(['<g2>', '</g2>', '<g1>', '</g1>']);
  });

  it('leaves a link whose emphasis cannot go inside it, or that would swallow another tag', () => {
    for (const output of [
      // The emphasis is on a word outside the link's words and cannot be placed: left alone.
      'Ver el nuevo plan <g1> <g2> hoy </g2> </g1> .',
      // An image between the words: the link would swallow it.
      'Ver <g1> el <x3/> nuevo <g2> plan </g2> </g1> hoy .',
    ]) {
      const slots = [...emphasis.slots, { ...emphasis.slots[0], kind: 'void' } as Slot];
      const spans = [{ slot: 0, translation: 'el nuevo plan', inner: [1] }];
      expect(placePairs(output, slots, spans), output).toEqual({ text: output, repairs: [] });
    }
  });

  it('narrows a link the repair guessed too wide to its words, and leaves one the model put so', () => {
    const output = 'El ministro dijo <g1> el <x2/> reunión fue </g1> nueva.';
    expect(placePairs(output, term.slots, meeting)).toEqual({ text: output, repairs: [] });
    const guessed = placePairs(output, term.slots, meeting, [0]);
    expect(guessed.text).toBe('El ministro dijo <g1> el <x2/> reunión </g1> fue nueva.');
    // A guess that is already tight is not moved again.
    const tight = 'El ministro dijo <g1> el <x2/> reunión </g1> fue nueva.';
    expect(placePairs(tight, term.slots, meeting, [0])).toEqual({ text: tight, repairs: [] });
  });
});
