import { marianNormalize } from '../marian-files.ts';
import type { Direction } from './languages.ts';
import { lexicon } from './lexicon.ts';
import { CLOSING_MARKS, isCovered, OPENING_MARKS } from './word-rule.ts';

const cache = new Map<string, { lex: Map<string, string>; words: string[][] }>();

function lexiconOf(direction: Direction): { lex: Map<string, string>; words: string[][] } {
  const key = `${direction.src}-${direction.tgt}`;
  let entry = cache.get(key);
  if (!entry) {
    const lex = lexicon(direction);
    const words = [...lex.keys()].map((w) => [...w]).sort((a, b) => b.length - a.length);
    entry = { lex, words };
    cache.set(key, entry);
  }
  return entry;
}

function matchesAt(chars: string[], at: number, word: string[]): boolean {
  if (at + word.length > chars.length) return false;
  for (let i = 0; i < word.length; i++) if (chars[at + i] !== word[i]) return false;
  const next = chars[at + word.length];
  return next === undefined || CLOSING_MARKS.includes(next);
}

function translateChunk(chunk: string, direction: Direction): string {
  const { lex, words } = lexiconOf(direction);
  const chars = [...chunk];
  let out = '';
  let at = 0;
  while (at < chars.length) {
    const before = chars[at - 1];
    if (before === undefined || OPENING_MARKS.includes(before)) {
      const word = words.find((w) => matchesAt(chars, at, w));
      if (word) {
        out += lex.get(word.join('')) ?? '';
        at += word.length;
        continue;
      }
    }
    const char = chars[at] ?? '';
    if (isCovered(char)) out += char;
    at += 1;
  }
  return out;
}

/**
 * The exact text a dictionary model produces for `text` in a direction: the text normalized as
 * a Marian tokenizer does (NFKC, see `marianNormalize`), each table word that stands alone (see
 * `OPENING_MARKS`) replaced by its translation in the same case pattern, everything else kept;
 * runs of whitespace become one space. Decoded with the tokenization spaces kept (Tidings
 * turns `clean_up_tokenization_spaces` off).
 *
 * @example
 * expectedTranslation('Ukraine, said Shmyhal.', { src: 'en', tgt: 'es' });
 * // 'Ucrania, said Shmyhal.' (unless "said" is in the table)
 */
export function expectedTranslation(text: string, direction: Direction): string {
  return (marianNormalize(text).match(/\S+/g) ?? [])
    .map((chunk) => translateChunk(chunk, direction))
    .join(' ');
}
