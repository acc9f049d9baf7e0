import {
  decodeSegment,
  type PlaceholderPiece,
  placeholderPieces,
  placeholderTag,
  placeholderTokens,
  renderPieces,
  type Slot,
} from './placeholder-codec.ts';
import type { MarkupRepair } from './placeholder-repair.ts';

/** A pair of a source segment whose words can be translated on their own. */
export interface PairSpan {
  /** The pair's slot (0-based: `<g1>` is 0). */
  readonly slot: number;
  /** The words the pair encloses, as plain text. */
  readonly text: string;
}

const LETTER = /\p{L}/u;
const WORDY = /[\p{L}\p{N}]/u;

/** Lower case, one space for any run of whitespace, no punctuation at either end. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/**
 * The pairs of an encoded source segment whose enclosed words (with at least one letter, and
 * no other placeholder) can be translated alone to check where the pair belongs.
 *
 * @example
 * pairSpans('The <g1> minister </g1> said', slots); // [{ slot: 0, text: 'minister' }]
 */
export function pairSpans(input: string, slots: readonly Slot[]): PairSpan[] {
  if (!slots.some((s) => s.kind === 'pair')) return [];
  const tokens = placeholderTokens(input);
  const spans: PairSpan[] = [];
  for (const [n, open] of tokens.entries()) {
    const next = tokens[n + 1];
    if (open.kind !== 'open' || slots[open.slot]?.kind !== 'pair') continue;
    if (next?.kind !== 'close' || next.slot !== open.slot) continue;
    const text = input.slice(open.end, next.start).replace(/\s+/g, ' ').trim();
    if (LETTER.test(text)) spans.push({ slot: open.slot, text });
  }
  return spans;
}

/**
 * Moves each pair of a well-formed translation to wrap the translation of its source words
 * (`translations`, from {@link pairSpans}), when that translation occurs exactly once in the
 * sentence (as whole words, ignoring case, spacing and end punctuation) and the pair does not
 * already enclose it; a pair whose words are not found, or found more than once, stays where
 * the model put it. Returns the text and a `moved` repair for each placeholder moved.
 *
 * @example
 * placePairs('El ministro <g1> dijo </g1>', slots, [{ slot: 0, translation: 'ministro' }]);
 * // { text: 'El <g1> ministro </g1> dijo', repairs: [{ placeholder: '<g1>', how: 'moved' }, …] }
 */
export function placePairs(
  output: string,
  slots: readonly Slot[],
  translations: readonly { readonly slot: number; readonly translation: string }[],
): { text: string; repairs: MarkupRepair[] } {
  let list = placeholderPieces(output);
  const repairs: MarkupRepair[] = [];
  for (const { slot, translation } of translations) {
    const wanted = normalise(translation);
    if (!LETTER.test(wanted)) continue;
    // The plain text, normalised, and which piece each of its characters came from.
    let plain = '';
    const from: number[] = [];
    for (const [k, p] of list.entries()) {
      const char = p.type === 'char' && !/\s/.test(p.char) ? p.char.toLowerCase() : ' ';
      if (char === ' ' && (plain === '' || plain.endsWith(' '))) continue;
      plain += char;
      // One entry per UTF-16 unit: an emoji or a letter beyond the BMP is two, and so is a
      // letter whose lower case is longer (İ), or every later index would point one piece early.
      for (let unit = 0; unit < char.length; unit++) from.push(k);
    }
    const found: number[] = [];
    for (let at = plain.indexOf(wanted); at >= 0; at = plain.indexOf(wanted, at + 1)) {
      const before = plain.charAt(at - 1);
      const after = plain.charAt(at + wanted.length);
      if (!WORDY.test(before) && !WORDY.test(after)) found.push(at);
    }
    const [start] = found;
    if (found.length !== 1 || start === undefined) continue;
    const first = from[start] ?? 0;
    const last = from[start + wanted.length - 1] ?? 0;
    const open = list.findIndex((p) => p.type === 'token' && p.kind === 'open' && p.slot === slot);
    const close = list.findIndex(
      (p) => p.type === 'token' && p.kind === 'close' && p.slot === slot,
    );
    if (open < 0 || close < 0 || (open < first && close > last)) continue;
    // Another tag inside the words would cross or swallow it: the model's place stands.
    const inside = list.slice(first, last + 1);
    if (inside.some((p) => p.type === 'token' && p.slot !== slot)) continue;
    const own = (p: PlaceholderPiece) => p.type === 'token' && p.slot === slot && p.kind !== 'void';
    const moved: PlaceholderPiece[] = [
      ...list.slice(0, first).filter((p) => !own(p)),
      { type: 'token', kind: 'open', slot },
      ...inside.filter((p) => !own(p)),
      { type: 'token', kind: 'close', slot },
      ...list.slice(last + 1).filter((p) => !own(p)),
    ];
    if (!decodeSegment(renderPieces(moved), slots).ok) continue;
    list = moved;
    repairs.push(
      { placeholder: placeholderTag('open', slot), how: 'moved' },
      { placeholder: placeholderTag('close', slot), how: 'moved' },
    );
  }
  return { text: repairs.length > 0 ? renderPieces(list) : output, repairs };
}
