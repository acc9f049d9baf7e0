import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeLenient,
  decodeSegment,
  encodeSegment,
  type LocalAtom,
  type LocalMark,
} from './placeholder-codec.ts';
import { AS_WRITTEN, asWritten, spacedAsWritten } from './wording-as-written.ts';

// "The <a>minister <em>said</em></a> on 5 May."
const text = 'The minister said on 5 May.';
const marks: LocalMark[] = [
  { type: 'open', at: 4, node: 0 },
  { type: 'open', at: 13, node: 1 },
  { type: 'close', at: 17, node: 1 },
  { type: 'close', at: 17, node: 0 },
];
const encoded = encodeSegment(text, marks);

/** Atoms back to a string with tag names, to compare at a glance. */
function show(atoms: readonly LocalAtom[]): string {
  let out = '';
  let stack: readonly number[] = [];
  for (const atom of atoms) {
    let common = 0;
    while (common < stack.length && stack[common] === atom.stack[common]) common++;
    for (const n of stack.slice(common).reverse()) out += `</${n}>`;
    for (const n of atom.stack.slice(common)) out += `<${n}>`;
    stack = atom.stack;
    out += atom.type === 'text' ? atom.text : `[${atom.node}]`;
  }
  for (const n of [...stack].reverse()) out += `</${n}>`;
  return out;
}

describe('encodeSegment', () => {
  it('pads each placeholder with spaces so a word model sees separate words', () => {
    expect(encoded.text).toBe('The <g1> minister <g2> said </g2> </g1> on 5 May.');
    expect(encoded.slots.map((s) => s.kind)).toEqual(['pair', 'pair']);
  });

  it('numbers voids and pairs in one sequence', () => {
    const e = encodeSegment('Photo by  today', [{ type: 'void', at: 9, node: 4 }]);
    expect(e.text).toBe('Photo by <x1/> today');
  });
});

describe('decodeSegment', () => {
  it('restores the source spacing around tags', () => {
    const d = decodeSegment('El <g1> ministro <g2> dijo </g2> </g1> el 5 de mayo .', encoded.slots);
    expect(d.ok && show(d.atoms)).toBe('El <0>ministro <1>dijo</1></0> el 5 de mayo .');
  });

  it('accepts reordered placeholders and the spaces a model puts inside them', () => {
    const d = decodeSegment(
      '< g2 >Gesagt< / g2 > hat <G1>der Minister</G1> am 5. Mai.',
      encoded.slots,
    );
    expect(d.ok && show(d.atoms)).toBe('<1>Gesagt</1> hat <0>der Minister</0> am 5. Mai.');
    const nested = decodeSegment(
      'Am 5. Mai hat <g1> der Minister <g2> gesagt </g2> </g1> .',
      encoded.slots,
    );
    expect(nested.ok && show(nested.atoms)).toBe(
      'Am 5. Mai hat <0>der Minister <1>gesagt</1></0>.',
    );
  });

  // `1<sup>er</sup> mai`, `CO<sub>2</sub>`, `<em>JEF</em> : x`, `<a>lien</a> »`, word-padded
  // as the model sees them and written back as a word model writes them.
  it.each([
    ['1er mai', [1, 3], '1 <g1> er </g1> mai', '1<0>er</0> mai'],
    ['le CO2 monte', [5, 6], 'le CO <g1> 2 </g1> monte', 'le CO<0>2</0> monte'],
    ['Le JEF : x', [3, 6], 'Le <g1> JEF </g1> : x', 'Le <0>JEF</0> : x'],
    ['« voir le lien »', [10, 14], '« voir le <g1> lien </g1> »', '« voir le <0>lien</0> »'],
    ['«voir le lien»', [9, 13], '«voir le <g1> lien </g1> »', '«voir le <0>lien</0>»'],
  ] as const)(
    'puts %j back with the spaces around its tags as they were',
    (source, [open, close], output, expected) => {
      const slots = encodeSegment(source, [
        { type: 'open', at: open, node: 0 },
        { type: 'close', at: close, node: 0 },
      ]).slots;
      const d = decodeSegment(output, slots);
      expect(d.ok && show(d.atoms)).toBe(expected);
    },
  );

  it('still spaces a tag the model moved between words, and lets its own comma hug it', () => {
    const slots = encodeSegment('The minister said', [
      { type: 'open', at: 4, node: 0 },
      { type: 'close', at: 12, node: 0 },
    ]).slots;
    const d = decodeSegment('Dijo el <g1> ministro </g1> , ayer', slots);
    expect(d.ok && show(d.atoms)).toBe('Dijo el <0>ministro</0>, ayer');
  });

  it('refuses a dropped, duplicated, invented or crossed placeholder', () => {
    const problem = (out: string) => {
      const d = decodeSegment(out, encoded.slots);
      return d.ok ? undefined : d.problem;
    };
    expect(problem('El <g1> ministro dijo </g1>')).toEqual({
      code: 'placeholder-missing',
      placeholder: 2,
    });
    expect(problem('El <g1> <g2> a </g2> <g2> b </g2> </g1>')).toEqual({
      code: 'placeholder-repeated',
      placeholder: 2,
    });
    expect(problem('El <g1> <g2> a </g2> </g1> <x3/>')).toEqual({
      code: 'placeholder-unknown',
      placeholder: '<x3/>',
    });
    expect(problem('El <g1> <g2> a </g1> </g2>')).toEqual({
      code: 'placeholder-out-of-order',
      placeholder: 1,
    });
  });
});

/** A text written as {@link show} writes it (`<0>`…`</0>` pairs, `[2]` voids), as text and marks. */
function marked(written: string): { text: string; marks: LocalMark[] } {
  const marks: LocalMark[] = [];
  let text = '';
  for (const part of written.split(/(<\/?\d+>|\[\d+\])/)) {
    const m = /^<(\/?)(\d+)>$|^\[(\d+)\]$/.exec(part);
    if (!m) text += part;
    else if (m[3]) marks.push({ type: 'void', at: text.length, node: Number(m[3]) });
    else marks.push({ type: m[1] ? 'close' : 'open', at: text.length, node: Number(m[2]) });
  }
  return { text, marks };
}

describe('asWritten', () => {
  it('gives back the spacing around markup of the text it was encoded from', () => {
    for (const written of [
      '<0>PURL</0>-Finanzierung',
      'Er schrieb (<0>sic</0>) zweimal.',
      'in «<0>Kyiv</0>».',
      'Die <0>HIMARS</0>-Lieferungen und <1>CO</1>₂ [2] heute.',
      '<0>Der <1>Minister</1></0>, sagte er[3].',
      'A[0][1] b',
    ]) {
      const { text, marks } = marked(written);
      const encoded = encodeSegment(text, marks);
      const wording = asWritten(encoded);
      expect(wording.startsWith(AS_WRITTEN)).toBe(true);
      const spaced = spacedAsWritten(wording, encoded.slots);
      const d = decodeSegment(spaced.text, spaced.slots);
      expect(d.ok && show(d.atoms)).toBe(written);
    }
  });

  it('moves a space at the inner edge of an element outside it, and leaves plain text as it is', () => {
    const { text, marks } = marked('Es ist <0>sehr </0>spät, <1> nun</1>.');
    const wording = asWritten(encodeSegment(text, marks));
    expect(wording).toBe(`${AS_WRITTEN}Es ist <g1>sehr</g1> spät, <g2>nun</g2>.`);
    expect(asWritten(encodeSegment('Kein Markup.', []))).toBe('Kein Markup.');
    expect(spacedAsWritten('Kein Markup.', encoded.slots)).toEqual({
      text: 'Kein Markup.',
      slots: encoded.slots,
    });
  });
});

describe('decodeLenient', () => {
  it('keeps all the text and drops broken pairs', () => {
    expect(show(decodeLenient('El </g1> ministro <g2> dijo <g1>', encoded.slots))).toBe(
      'El ministro dijo',
    );
  });

  it('wraps the whole text in the one pair of a sentence that is a single link', () => {
    const link = encodeSegment('Read the report here', [
      { type: 'open', at: 9, node: 7 },
      { type: 'close', at: 15, node: 7 },
    ]);
    expect(show(decodeLenient('Lea el informe aquí', link.slots))).toBe(
      '<7>Lea el informe aquí</7>',
    );
  });

  it('keeps voids that survived', () => {
    const e = encodeSegment('Minister  said', [{ type: 'void', at: 9, node: 3 }]);
    expect(show(decodeLenient('Ministro <x1/> <x1/> dijo', e.slots))).toBe('Ministro [3] dijo');
  });
});

describe('decodeLenient on damaged placeholders', () => {
  it('never loses a word, whatever the model did to the tags', () => {
    const token = fc.oneof(
      fc.constantFrom('ministro', 'dijo', 'Ucrania', '5', 'mayo.'),
      fc.constantFrom('<g1>', '</g1>', '<g2>', '</g2>', '<x3/>', '< / G2 >', '<g9>'),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }), (tokens) => {
        const slots = encodeSegment('a b c', [
          { type: 'open', at: 0, node: 0 },
          { type: 'open', at: 2, node: 1 },
          { type: 'close', at: 3, node: 1 },
          { type: 'close', at: 3, node: 0 },
          { type: 'void', at: 4, node: 2 },
        ]).slots;
        const atoms = decodeLenient(tokens.join(' '), slots);
        const text = atoms.map((a) => (a.type === 'text' ? a.text : ' ')).join(' ');
        expect(text.split(/\s+/).filter(Boolean)).toEqual(tokens.filter((t) => !t.includes('<')));
      }),
      { numRuns: 500 },
    );
  });
});
