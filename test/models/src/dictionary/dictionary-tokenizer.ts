import { META, marianTokenizerJson } from '../marian-files.ts';
import type { Direction } from './languages.ts';
import { lexicon } from './lexicon.ts';
import { CLOSING_MARKS, coveredCharacters, OPENING_MARKS } from './word-rule.ts';

/**
 * Characters a real Opus-MT SentencePiece vocabulary lacks, so its tokenizer writes `<unk>` for
 * them: emoji and pictographs (and their variation selectors), rare punctuation (`⟦ ⟧ ‽ ⁂`)
 * and the Ukrainian apostrophe `ʼ` (U+02BC; the corpora spell it `’` or `'`). Only a
 * vocabulary built with `unknown: 'real'` leaves them out.
 */
export function isRealUnknown(char: string): boolean {
  const cp = char.codePointAt(0) ?? 0;
  return (
    cp === 0x2bc ||
    (cp >= 0x1f000 && cp <= 0x1faff) ||
    (cp >= 0x2600 && cp <= 0x27bf) ||
    (cp >= 0x27e6 && cp <= 0x27ef) ||
    cp === 0x203d ||
    cp === 0x2042 ||
    (cp >= 0xfe00 && cp <= 0xfe0f)
  );
}

/** Which characters a vocabulary spells: all covered ones, or as a real conversion does. */
export type UnknownCharacters = 'covered' | 'real';

// Unigram log-probabilities: a table word outscores spelling it out, so Viterbi keeps it whole.
const WORD_SCORE = -1;
const CHAR_SCORE = -5;
const UNUSED_SCORE = -20;

/** The chunk-start marker of the Metaspace pre-tokenizer and decoder. */
export { META };

/** Ids fixed by the Marian layout: `</s>` = 0 (eos), `<unk>` = 1, `<pad>` = the last id. */
export const EOS_ID = 0;
/** The id of `<unk>`. */
export const UNK_ID = 1;

/**
 * Vocabulary sizes of the real conversions (`<pad>` is the last id: 65000 for en-es); other
 * directions get Opus-MT's common 58,101.
 */
const REAL_VOCABULARY_SIZES: Readonly<Record<string, number>> = {
  'en-es': 65_001,
  'es-en': 65_001,
  'en-de': 58_101,
  'de-en': 58_101,
  'en-it': 80_035,
  'it-en': 80_035,
};

/** A dictionary direction's vocabulary and the token-for-token map its model applies. */
export interface DictionaryVocabulary {
  /** Token strings by id; the last is `<pad>`. */
  tokens: string[];
  /** For each token id, the id of the token the model writes in its place. */
  translation: Int32Array;
  /** The `tokenizer.json` object. */
  tokenizerJson: object;
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, (c) => `\\${c}`);
}

function charClass(chars: string): string {
  return `[${[...chars].map(escapeRegex).join('')}]`;
}

/**
 * Builds a dictionary direction's tokenizer: a Unigram model with an unknown token, as the
 * real Marian conversions have (`vocab: [[piece, score]…]`, `unk_id`), holding every covered
 * character (with and without the word-start marker) and every table word of both languages,
 * and a pre-tokenizer (whitespace split, Metaspace, then a Split regex) that isolates a table
 * word only where it stands alone and spells everything else character by character. With
 * `unknown: 'real'` the characters of {@link isRealUnknown} are left out, and the tokenizer
 * writes `<unk>` for them as Transformers.js's Unigram does for a character without a piece.
 */
export function dictionaryVocabulary(
  direction: Direction,
  unknown: UnknownCharacters = 'covered',
): DictionaryVocabulary {
  const lex = lexicon(direction);
  const tokens: string[] = ['</s>', '<unk>'];
  const ids = new Map<string, number>();
  const add = (token: string): number => {
    const known = ids.get(token);
    if (known !== undefined) return known;
    ids.set(token, tokens.length);
    tokens.push(token);
    return tokens.length - 1;
  };
  for (const [i, t] of tokens.entries()) ids.set(t, i);
  for (const c of coveredCharacters()) {
    if (unknown === 'real' && isRealUnknown(c)) continue;
    add(c);
    add(META + c);
  }
  const pairs: [number, number][] = [];
  for (const [from, to] of lex) {
    pairs.push([add(META + from), add(META + to)]);
    pairs.push([add(from), add(to)]);
  }
  // Real Opus-MT vocabularies are this large (the pad token last): logits as wide as theirs.
  const size = REAL_VOCABULARY_SIZES[`${direction.src}-${direction.tgt}`] ?? 58_101;
  for (let i = 0; tokens.length < size - 1; i++) add(`<unused${i}>`);
  add('<pad>');
  const translation = Int32Array.from(tokens, (_, i) => i);
  for (const [from, to] of pairs) translation[from] = to;
  translation[tokens.length - 1] = EOS_ID;

  const words = [...lex.keys()].sort((a, b) => [...b].length - [...a].length).map(escapeRegex);
  const alternatives = words.join('|');
  const end = `(?=${charClass(CLOSING_MARKS)}|$)`;
  const pattern =
    `${META}(?:${alternatives})${end}|(?<=${charClass(OPENING_MARKS)})(?:${alternatives})${end}` +
    `|${META}?.`;
  const wordIds = new Set(pairs.flat());
  const vocab = tokens.map((t, i): [string, number] => [
    t,
    i <= UNK_ID || i === tokens.length - 1
      ? 0
      : wordIds.has(i)
        ? WORD_SCORE
        : t.startsWith('<unused')
          ? UNUSED_SCORE
          : CHAR_SCORE,
  ]);
  const tokenizerJson = marianTokenizerJson(
    { eos: EOS_ID, unk: UNK_ID, pad: tokens.length - 1 },
    {
      type: 'Sequence',
      pretokenizers: [
        { type: 'WhitespaceSplit' },
        { type: 'Metaspace', replacement: META, prepend_scheme: 'always', split: true },
        { type: 'Split', pattern: { Regex: pattern }, behavior: 'Isolated', invert: false },
      ],
    },
    { type: 'Unigram', unk_id: UNK_ID, vocab, byte_fallback: false },
  );
  return { tokens, translation, tokenizerJson };
}
