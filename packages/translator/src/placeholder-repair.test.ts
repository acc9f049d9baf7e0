import { describe, expect, it } from 'vitest';
import { decodeSegment, encodeSegment, type LocalMark } from './placeholder-codec.ts';
import { repairSegment } from './placeholder-repair.ts';

// 'The minister said 1,000 [image] today.' with a link on "minister" and an image.
const SOURCE = 'The minister said 1,000 today.';
const MARKS: LocalMark[] = [
  { type: 'open', at: 4, node: 0 },
  { type: 'close', at: 12, node: 0 },
  { type: 'void', at: 24, node: 1 },
];
const encoded = encodeSegment(SOURCE, MARKS);

const repair = (output: string) => repairSegment(output, encoded.text, encoded.slots);

describe('repairSegment', () => {
  it('encodes the source as the models see it', () => {
    expect(encoded.text).toBe('The <g1> minister </g1> said 1,000 <x2/> today.');
  });

  it('puts back every placeholder a model dropped, where the source places them', () => {
    const out = repair('El ministro dijo 1,000 hoy.');
    expect(out?.text).toBe('El <g1> ministro </g1> dijo 1,000 <x2/> hoy.');
    expect(out?.repairs).toEqual([
      { placeholder: '<g1>', how: 'restored' },
      { placeholder: '</g1>', how: 'restored' },
      { placeholder: '<x2/>', how: 'restored' },
    ]);
  });

  it('wraps the source text of a link where the translation kept it verbatim', () => {
    const slots = encodeSegment('Met Denys Shmyhal in Kyiv.', [
      { type: 'open', at: 4, node: 0 },
      { type: 'close', at: 17, node: 0 },
    ]);
    const out = repairSegment('Reunión en Kyiv con Denys Shmyhal.', slots.text, slots.slots);
    expect(out?.text).toBe('Reunión en Kyiv con <g1> Denys Shmyhal </g1> .');
  });

  it('moves placeholders a model put at the end back into the sentence', () => {
    const out = repair('El ministro dijo 1,000 hoy. <g1> </g1> <x2/>');
    expect(out?.text).toBe('El <g1> ministro </g1> dijo 1,000 <x2/> hoy.');
    expect(out?.repairs.map((r) => r.how)).toEqual(['moved', 'moved', 'moved']);
  });

  it('puts back a link around a protected term when the model moved both to the end', () => {
    // A link on 'Telegram channel', whose 'Telegram' is a protected term (the void <x2/>).
    const source = encodeSegment('The minister spoke on his channel.', [
      { type: 'open', at: 26, node: 0 },
      { type: 'void', at: 26, node: 1 },
      { type: 'close', at: 33, node: 0 },
    ]);
    expect(source.text).toBe('The minister spoke on his <g1> <x2/> channel </g1> .');
    const out = repairSegment(
      'El ministro habló en su canal . <g1> <x2/> </g1>',
      source.text,
      source.slots,
    );
    // Before, the pair stayed at the end around nothing but the term, which was then moved
    // out of it: an empty link, which the page drops, under a reason that said 'put back'.
    // The link ends where the source's did, before the sentence's full stop.
    expect(out?.text).toBe('El ministro habló en su <g1> <x2/> canal </g1> .');
    expect(out?.repairs).toEqual([
      { placeholder: '<g1>', how: 'moved' },
      { placeholder: '</g1>', how: 'moved' },
      { placeholder: '<x2/>', how: 'moved' },
    ]);
  });

  it('closes a pair that lost one tag, and drops a repeated tag', () => {
    expect(repair('El ministro </g1> dijo 1,000 <x2/> hoy.')?.text).toBe(
      'El <g1> ministro </g1> dijo 1,000 <x2/> hoy.',
    );
    const twice = repair('El <g1> <g1> ministro </g1> dijo 1,000 <x2/> hoy.');
    expect(twice?.text).toBe('El <g1> ministro </g1> dijo 1,000 <x2/> hoy.');
    expect(twice?.repairs).toEqual([{ placeholder: '<g1>', how: 'deduplicated' }]);
  });

  it('reads shifted numbers as the source numbers them', () => {
    const out = repair('El <g2> ministro </g2> dijo 1,000 <x3/> hoy.');
    expect(out?.text).toBe('El <g1> ministro </g1> dijo 1,000 <x2/> hoy.');
    expect(out?.repairs.map((r) => r.how)).toEqual(['renumbered', 'renumbered', 'renumbered']);
  });

  it('always gives a text that decodes, with every placeholder once', () => {
    for (const output of ['x', '</g1> <g1> x', 'a <x2/> <x2/> <g1> b', 'a </g1> b <g1> c']) {
      const out = repair(output);
      expect(out, output).toBeDefined();
      expect(decodeSegment(out?.text ?? '', encoded.slots).ok, output).toBe(true);
    }
  });

  it('gives up on an output with no text to hold the link (the caller holds it for review)', () => {
    expect(repair('')).toBeUndefined();
    expect(repair('<g1> </g1>')).toBeUndefined();
    expect(repair('. <x2/>')).toBeUndefined();
  });
});
