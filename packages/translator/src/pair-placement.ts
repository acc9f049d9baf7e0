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
  /**
   * The words the pair encloses, with any placeholder inside it (a protected term, a nested
   * tag) as the source has it: what the model is given, as in the whole sentence.
   */
  readonly text: string;
  /** The slots of the placeholders inside the pair, in order (none for plain words). */
  readonly inner: readonly number[];
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

/** The characters of a text without its placeholders (however the model spaced them). */
export function withoutPlaceholders(text: string): string {
  return placeholderPieces(text)
    .map((p) => (p.type === 'char' ? p.char : ' '))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The pairs of an encoded source segment whose enclosed words (with at least one letter) can be
 * translated alone to check where the pair belongs. A pair around a protected term or another
 * tag is given with those placeholders inside, as the whole sentence has them.
 *
 * @example
 * pairSpans('The <g1> minister </g1> said', slots); // [{ slot: 0, text: 'minister', inner: [] }]
 * pairSpans('The <g1> the <x2/> summit </g1>', slots); // [{ slot: 0, text: 'the <x2/> summit', inner: [1] }]
 */
export function pairSpans(input: string, slots: readonly Slot[]): PairSpan[] {
  if (!slots.some((s) => s.kind === 'pair')) return [];
  const tokens = placeholderTokens(input);
  const spans: PairSpan[] = [];
  for (const [n, open] of tokens.entries()) {
    if (open.kind !== 'open' || slots[open.slot]?.kind !== 'pair') continue;
    const to = tokens.findIndex((t, k) => k > n && t.kind === 'close' && t.slot === open.slot);
    const close = tokens[to];
    if (close === undefined) continue;
    const inner = [...new Set(tokens.slice(n + 1, to).map((t) => t.slot))];
    const text = input.slice(open.end, close.start).replace(/\s+/g, ' ').trim();
    if (LETTER.test(withoutPlaceholders(text))) spans.push({ slot: open.slot, text, inner });
  }
  return spans;
}

/**
 * Moves each pair of a well-formed translation to wrap the translation of its source words
 * (`translations`, from {@link pairSpans}), when that translation occurs exactly once in the
 * sentence (as whole words, ignoring case, spacing, end punctuation and placeholders) and the
 * pair does not already enclose it. A pair around a protected term or another tag (`inner`) is
 * moved only when every one of those placeholders stands within the words or right next to them
 * (they go inside with the words, where the model put them), and no other placeholder does;
 * pairs inside others are placed first. A pair whose words are not found, are found more than
 * once, or cannot be wrapped so stays where the model put it. A pair the repair put back by guess
 * (`guessed`, see `repairSegment`) that encloses its words and others too is narrowed to them.
 * Returns the text and a `moved` repair for each placeholder moved.
 *
 * @example
 * placePairs('El ministro <g1> dijo </g1>', slots, [{ slot: 0, translation: 'ministro' }]);
 * // { text: 'El <g1> ministro </g1> dijo', repairs: [{ placeholder: '<g1>', how: 'moved' }, …] }
 */
export function placePairs(
  output: string,
  slots: readonly Slot[],
  translations: readonly {
    readonly slot: number;
    readonly translation: string;
    readonly inner?: readonly number[] | undefined;
  }[],
  guessed: readonly number[] = [],
): { text: string; repairs: MarkupRepair[] } {
  let list = placeholderPieces(output);
  const repairs: MarkupRepair[] = [];
  // A pair inside another holds fewer placeholders than the pair around it: placed first, so
  // the outer pair finds it among its words.
  const order = [...translations].sort((a, b) => (a.inner?.length ?? 0) - (b.inner?.length ?? 0));
  for (const { slot, translation, inner = [] } of order) {
    const wanted = normalise(withoutPlaceholders(translation));
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
    const own = (p: PlaceholderPiece | undefined) =>
      p?.type === 'token' && p.slot === slot && p.kind !== 'void';
    const within = (p: PlaceholderPiece | undefined) =>
      p?.type === 'token' && inner.includes(p.slot);
    const blank = (p: PlaceholderPiece | undefined) => p?.type === 'char' && /\s/.test(p.char);
    // The words, widened over the inner placeholders right before or after them.
    let first = from[start] ?? 0;
    let last = from[start + wanted.length - 1] ?? 0;
    for (let k = first - 1; k >= 0 && (blank(list[k]) || own(list[k]) || within(list[k])); k--)
      if (within(list[k])) first = k;
    for (
      let k = last + 1;
      k < list.length && (blank(list[k]) || own(list[k]) || within(list[k]));
      k++
    )
      if (within(list[k])) last = k;
    const open = list.findIndex((p) => p.type === 'token' && p.kind === 'open' && p.slot === slot);
    const close = list.findIndex(
      (p) => p.type === 'token' && p.kind === 'close' && p.slot === slot,
    );
    if (open < 0 || close < 0) continue;
    const tight =
      list.slice(open + 1, first).every(blank) && list.slice(last + 1, close).every(blank);
    if (open < first && close > last && (tight || !guessed.includes(slot))) continue;
    // Another tag inside the words would cross or swallow it, and an inner one left outside
    // would leave the pair without what it held: the model's place stands.
    const inside = list.slice(first, last + 1);
    if (inside.some((p) => p.type === 'token' && p.slot !== slot && !within(p))) continue;
    if (list.some((p, k) => within(p) && (k < first || k > last))) continue;
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
