import type { LanguageCode } from '@tidings/core';
import type { LocalAtom } from './placeholder-codec.ts';

/**
 * A no-break space of the source (U+00A0, or the narrow U+202F) and the words on each side of
 * it (`5 km`, `10 000`, `M. Macron`). Models see a plain space (their normalizer folds both),
 * so it is put back where the translation has the same two words.
 */
export interface NoBreakSpace {
  readonly char: string;
  readonly before: string;
  readonly after: string;
}

const NO_BREAK = /[\u00A0\u202F]/g;
const TOKEN_BEFORE = /(?:[\p{L}\p{N}]+|\S)$/u;
const TOKEN_AFTER = /^(?:[\p{L}\p{N}]+|\S)/u;

/**
 * The no-break spaces of a text with the word (or mark) on each side.
 *
 * @example
 * noBreakSpaces('A 5\u00a0km road'); // [{ char: '\u00a0', before: '5', after: 'km' }]
 */
export function noBreakSpaces(text: string): NoBreakSpace[] {
  const found: NoBreakSpace[] = [];
  for (const m of text.matchAll(NO_BREAK)) {
    const before = TOKEN_BEFORE.exec(text.slice(0, m.index))?.[0];
    const after = TOKEN_AFTER.exec(text.slice(m.index + 1))?.[0];
    if (before && after) found.push({ char: m[0], before, after });
  }
  return found;
}

const escapeRegex = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/**
 * Puts each no-break space of the source back into a translation, where the translation has
 * the same two words separated by a plain space; elsewhere nothing changes.
 *
 * @example
 * restoreNoBreakSpaces('Una carretera de 5 km', [{ char: '\u00a0', before: '5', after: 'km' }]);
 * // 'Una carretera de 5\u00a0km'
 */
export function restoreNoBreakSpaces(output: string, spaces: readonly NoBreakSpace[]): string {
  let text = output;
  let from = 0;
  for (const space of spaces) {
    const edge = (token: string, side: 'start' | 'end'): string =>
      /^[\p{L}\p{N}]/u.test(token)
        ? side === 'start'
          ? '(?<![\\p{L}\\p{N}])'
          : '(?![\\p{L}\\p{N}])'
        : '';
    const pattern = new RegExp(
      `${edge(space.before, 'start')}${escapeRegex(space.before)}( )${escapeRegex(space.after)}${edge(space.after, 'end')}`,
      'u',
    );
    const m = pattern.exec(text.slice(from));
    if (!m) continue;
    const at = from + m.index + space.before.length;
    text = `${text.slice(0, at)}${space.char}${text.slice(at + 1)}`;
    from = at + 1;
  }
  return text;
}

// French puts a narrow no-break space before ; ! ? and a no-break space before : and » and
// after «. Only spaces already there are changed: none is added or removed.
const FRENCH: readonly [RegExp, string][] = [
  [/(?<=\S) (?=[;!?])/g, '\u202F'],
  [/(?<=\S) (?=[:»])/g, '\u00A0'],
  [/(?<=«) (?=\S)/g, '\u00A0'],
];

/**
 * Typesets a translated flow for its language: in French, the plain spaces before `; ! ? : »`
 * and after `«` become the no-break spaces French typography uses, so a line never starts with
 * a colon or a guillemet. Other languages are returned as they are.
 *
 * @example
 * typeset([{ type: 'text', text: 'Pourquoi ?', stack: [] }], 'fr'); // text 'Pourquoi\u202f?'
 */
export function typeset(atoms: readonly LocalAtom[], to: LanguageCode): LocalAtom[] {
  if (to !== 'fr') return [...atoms];
  // One string for the whole flow (a node counts as one mark), so a space at the end of one
  // element and the colon at the start of the next are seen together.
  const joined = atoms.map((a) => (a.type === 'text' ? a.text : '\uFFFC')).join('');
  const replaced = new Map<number, string>();
  for (const [pattern, char] of FRENCH) {
    for (const m of joined.matchAll(pattern)) replaced.set(m.index, char);
  }
  if (replaced.size === 0) return [...atoms];
  let offset = 0;
  return atoms.map((atom) => {
    if (atom.type !== 'text') {
      offset += 1;
      return atom;
    }
    const start = offset;
    offset += atom.text.length;
    let text = '';
    for (let i = 0; i < atom.text.length; i++)
      text += replaced.get(start + i) ?? atom.text.charAt(i);
    return { ...atom, text };
  });
}
