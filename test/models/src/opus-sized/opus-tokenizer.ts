import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { META, marianTokenizerJson } from '../marian-files.ts';
import { OPUS_SHAPE } from './opus-shape.ts';

const ARTICLES_DIR = fileURLToPath(new URL('../../../fixtures/articles/', import.meta.url));

function seedWords(): string[] {
  const dir = ARTICLES_DIR;
  const words = new Set<string>();
  for (const file of readdirSync(dir).sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const word of text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []) {
      words.add(word);
      words.add(word.toLowerCase());
    }
  }
  return [...words].sort();
}

function* characters(): Generator<string> {
  const ranges = [
    [0x21, 0x7e],
    [0xa1, 0x17f],
    [0x400, 0x4ff],
    [0x2010, 0x205e],
  ] as const;
  for (const [from, to] of ranges)
    for (let cp = from; cp <= to; cp++) yield String.fromCodePoint(cp);
}

function* syllables(): Generator<string> {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (const a of letters) for (const b of letters) yield a + b;
  for (const a of letters) for (const b of letters) for (const c of letters) yield a + b + c;
}

/**
 * Sub-word pieces learnt from the seed words: every substring of 2 to 8 letters seen at least
 * twice (word-initial ones with the marker), scored by its log frequency, as a Unigram model
 * trained on them would roughly score them.
 */
function learntPieces(words: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  let total = 0;
  for (const word of words) {
    const chars = [...word.toLowerCase()];
    for (let start = 0; start < chars.length; start++) {
      for (let end = start + 2; end <= Math.min(chars.length, start + 8); end++) {
        const piece = (start === 0 ? META : '') + chars.slice(start, end).join('');
        counts.set(piece, (counts.get(piece) ?? 0) + 1);
        total += 1;
      }
    }
  }
  return [...counts]
    .filter(([, count]) => count >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([piece, count]) => [piece, Math.log(count / total)]);
}

/**
 * A SentencePiece-like Unigram tokenizer with exactly 58,101 pieces, as Opus-MT's (behind a
 * `Sequence` of WhitespaceSplit and Metaspace, as the real conversions have it): the
 * words of the seed articles (whole, as word starts and as continuations) score best, then
 * sub-word pieces learnt from them, then all two- and three-letter pieces, then characters:
 * the seeds' English comes out at about one token per word, other English at about two
 * (no word list exists on this machine to learn a larger vocabulary from).
 */
export function opusTokenizerJson(): object {
  const vocab: [string, number][] = [
    ['</s>', 0],
    ['<unk>', 0],
  ];
  const seen = new Set(vocab.map(([piece]) => piece));
  const size = OPUS_SHAPE.vocabSize;
  const add = (piece: string, score: number) => {
    if (vocab.length < size - 1 && !seen.has(piece)) {
      seen.add(piece);
      vocab.push([piece, score]);
    }
  };
  const words = seedWords();
  for (const word of words) {
    add(META + word, -6);
    add(word, -7);
  }
  for (const [piece, score] of learntPieces(words)) add(piece, Math.min(-7.5, score));
  for (const c of characters()) {
    add(META + c, -14);
    add(c, -15);
  }
  for (const piece of syllables()) {
    add(META + piece, -9);
    add(piece, -10);
  }
  for (const piece of syllables()) {
    add(META + piece[0]?.toUpperCase() + piece.slice(1), -10);
  }
  for (let n = 0; vocab.length < size - 1; n++) add(`${META}${n}`, -12);
  vocab.push(['<pad>', 0]);
  return marianTokenizerJson(
    { eos: 0, unk: 1, pad: size - 1 },
    // As the real conversions have it: split on whitespace, then the word-start marker.
    {
      type: 'Sequence',
      pretokenizers: [
        { type: 'WhitespaceSplit' },
        { type: 'Metaspace', replacement: META, prepend_scheme: 'always', split: true },
      ],
    },
    { type: 'Unigram', unk_id: 1, vocab, byte_fallback: false },
  );
}
