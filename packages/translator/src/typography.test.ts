import { describe, expect, it } from 'vitest';
import type { LocalAtom } from './placeholder-codec.ts';
import { noBreakSpaces, restoreNoBreakSpaces, typeset } from './typography.ts';

describe('no-break spaces', () => {
  it('notes each one with the word or mark on each side', () => {
    expect(noBreakSpaces('A 5\u00a0km road for 10\u202f000 troops, «\u00a0Oui\u00a0»')).toEqual([
      { char: '\u00a0', before: '5', after: 'km' },
      { char: '\u202f', before: '10', after: '000' },
      { char: '\u00a0', before: '«', after: 'Oui' },
      { char: '\u00a0', before: 'Oui', after: '»' },
    ]);
  });

  it('puts them back where the translation has the same two words, and nowhere else', () => {
    const spaces = noBreakSpaces('A 5\u00a0km road for 10\u202f000 troops and 5\u00a0km more.');
    expect(
      restoreNoBreakSpaces('Una carretera de 5 km para 10 000 soldados y 5 km más, 15 km.', spaces),
    ).toBe('Una carretera de 5\u00a0km para 10\u202f000 soldados y 5\u00a0km más, 15 km.');
    expect(restoreNoBreakSpaces('Eine Straße von 5km für 10.000 Soldaten.', spaces)).toBe(
      'Eine Straße von 5km für 10.000 Soldaten.',
    );
  });
});

describe('typeset', () => {
  const text = (t: string, stack: number[] = []): LocalAtom => ({ type: 'text', text: t, stack });

  it('gives French its no-break spaces before ; ! ? : » and after «, across elements', () => {
    const atoms = [text('Pourquoi ? Voici '), text('JEF', [0]), text(' : « oui » ; non !')];
    expect(typeset(atoms, 'fr').map((a) => (a.type === 'text' ? a.text : ''))).toEqual([
      'Pourquoi\u202f? Voici ',
      'JEF',
      '\u00a0: «\u00a0oui\u00a0»\u202f; non\u202f!',
    ]);
  });

  it('adds no space where there was none, and leaves other languages alone', () => {
    expect(typeset([text('Pourquoi? 10:30')], 'fr')).toEqual([text('Pourquoi? 10:30')]);
    expect(typeset([text('Why ? Now : yes')], 'en')).toEqual([text('Why ? Now : yes')]);
  });
});
