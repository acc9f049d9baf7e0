import type { MarkupElement } from '@tidings/core';
import {
  decodeSegment,
  type PlaceholderPiece,
  placeholderPieces,
  placeholderTag,
  renderPieces,
  type Slot,
} from './placeholder-codec.ts';

/** How one placeholder of a translation was repaired. */
export type RepairHow =
  /** The model lost it; it was put back where the source's position suggests. */
  | 'restored'
  /**
   * The model wrote it somewhere it cannot be (an empty pair, a void after the sentence), or a
   * pair around other words than the translation of its own (see `placePairs`).
   */
  | 'moved'
  /** The model wrote it with the wrong number; numbered as the source has it. */
  | 'renumbered'
  /** The model wrote it more than once; the repeats were removed. */
  | 'deduplicated';

/**
 * One repair: which placeholder (as the source numbers it: `<g1>`, `</g1>`, `<x2/>`) and how;
 * the article's assembly adds the element it stands for and the text it wraps (see `nameMarkup`).
 */
export interface MarkupRepair {
  readonly placeholder: string;
  readonly how: RepairHow;
  readonly element?: MarkupElement | undefined;
  readonly wraps?: string | undefined;
}

/** A translation whose placeholders are whole again, and what was done to it. */
export interface RepairedSegment {
  /** The translation with exactly the source's placeholders, well nested. */
  readonly text: string;
  readonly repairs: readonly MarkupRepair[];
}

/** Offsets in the text without placeholders: where each token of `list` stands. */
function plainOffsets(list: readonly PlaceholderPiece[]): { plain: string; at: number[] } {
  let plain = '';
  const at: number[] = [];
  for (const i of list) {
    at.push(plain.length);
    if (i.type === 'char') plain += i.char;
  }
  return { plain, at };
}

const WORDY = /[\p{L}\p{N}]/u;

/** Where a word may start (`starts`) or end (`ends`) in a plain text, as character offsets. */
function boundaries(plain: string): { starts: number[]; ends: number[]; voidEnds: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  // Where a void may go: word ends, and after punctuation standing alone too.
  const voidEnds: number[] = [];
  for (let i = 0; i <= plain.length; i++) {
    const before = plain.charAt(i - 1);
    const here = plain.charAt(i);
    if (here !== '' && !/\s/.test(here) && (i === 0 || /\s/.test(before))) starts.push(i);
    if (before !== '' && !/\s/.test(before) && (here === '' || /\s/.test(here))) {
      // A word's end is before the punctuation that closes it ("ministro." ends at "o"), and
      // punctuation standing alone (the codec's " ." after a pair) ends no word a pair may
      // close after.
      let end = i;
      while (end > 0 && !WORDY.test(plain.charAt(end - 1)) && !/\s/.test(plain.charAt(end - 1)))
        end--;
      const word = end > 0 && !/\s/.test(plain.charAt(end - 1));
      if (word) ends.push(end);
      voidEnds.push(word ? end : i);
    }
  }
  if (starts.length === 0) starts.push(0);
  if (ends.length === 0) ends.push(plain.length);
  if (voidEnds.length === 0) voidEnds.push(plain.length);
  return { starts, ends, voidEnds };
}

function nearest(candidates: readonly number[], target: number, min = -1): number {
  let best = candidates.find((c) => c > min) ?? candidates.at(-1) ?? 0;
  for (const c of candidates) {
    if (c > min && Math.abs(c - target) < Math.abs(best - target)) best = c;
  }
  return best;
}

/**
 * Makes the placeholders of a translation whole again instead of dropping what they stand
 * for: numbers that were shifted are read as the source's (when the sequence of tags is the
 * source's), repeats are removed, a pair left empty or a void written after the sentence's
 * end is taken out, and every placeholder then missing is put back: a pair around its source
 * text where the translation kept it verbatim (a name), otherwise at the word boundaries that
 * the source's relative positions suggest; a void likewise. Returns `undefined` when the
 * result still does not decode (nothing to publish); the caller holds such a segment.
 *
 * @example
 * repairSegment('El ministro dijo', 'The <g1> minister </g1> said', slots);
 * // { text: 'El <g1> ministro </g1> dijo', repairs: [{ placeholder: '<g1>', how: 'restored' }, …] }
 */
export function repairSegment(
  output: string,
  input: string,
  slots: readonly Slot[],
): RepairedSegment | undefined {
  const repairs: MarkupRepair[] = [];
  const note = (kind: 'open' | 'close' | 'void', slot: number, how: RepairHow) =>
    repairs.push({ placeholder: placeholderTag(kind, slot), how });
  const source = placeholderPieces(input);
  let list = placeholderPieces(output);
  // Nothing to hang a link or a name on: the caller holds the segment.
  if (!WORDY.test(plainOffsets(list).plain)) return undefined;
  const tokenList = () => list.filter((i) => i.type === 'token');
  const valid = (i: PlaceholderPiece & { type: 'token' }) => {
    const slot = slots[i.slot];
    return slot !== undefined && (slot.kind === 'void') === (i.kind === 'void');
  };

  // Shifted numbers: the same sequence of tags as the source, numbered otherwise.
  const sourceTokens = source.filter((i) => i.type === 'token');
  const found = tokenList();
  if (
    found.some((t) => !valid(t)) &&
    found.length === sourceTokens.length &&
    found.every((t, n) => t.kind === sourceTokens[n]?.kind)
  ) {
    found.forEach((t, n) => {
      const slot = sourceTokens[n]?.slot ?? t.slot;
      if (slot !== t.slot) note(t.kind, slot, 'renumbered');
      t.slot = slot;
    });
  }
  // Unknown tags go; of repeats, the first stays.
  const seen = new Set<string>();
  list = list.filter((i) => {
    if (i.type === 'char') return true;
    const key = placeholderTag(i.kind, i.slot);
    if (!valid(i)) return false;
    if (seen.has(key)) {
      note(i.kind, i.slot, 'deduplicated');
      return false;
    }
    seen.add(key);
    return true;
  });
  const moved = new Set<string>();
  const remove = (slot: number) => {
    list = list.filter((i) => {
      if (i.type !== 'token' || i.slot !== slot) return true;
      moved.add(placeholderTag(i.kind, i.slot));
      return false;
    });
  };
  // A void after the end of the sentence, where the source had words after it. Taken out
  // before the pairs are judged: a pair the model moved there around only such a void (a
  // link on a protected term) holds nothing once the void goes back into the sentence.
  const { plain: sourcePlain, at: sourceAt } = plainOffsets(source);
  const sourceOffset = (kind: 'open' | 'close' | 'void', slot: number): number =>
    sourceAt[source.findIndex((i) => i.type === 'token' && i.kind === kind && i.slot === slot)] ??
    0;
  const sourcePosition = (kind: 'open' | 'close' | 'void', slot: number): number =>
    sourceOffset(kind, slot) / Math.max(1, sourcePlain.length);
  const { plain: outPlain, at: outAt } = plainOffsets(list);
  const lastWord = outPlain.search(/[\p{L}\p{N}][^\p{L}\p{N}]*$/u);
  const late = list.flatMap((i, n) =>
    i.type === 'token' &&
    i.kind === 'void' &&
    (outAt[n] ?? 0) > lastWord &&
    WORDY.test(sourcePlain.slice(sourceOffset('void', i.slot)))
      ? [i.slot]
      : [],
  );
  for (const slot of late) remove(slot);

  // A pair must open before it closes, hold some text, and nest with the others.
  for (const [index, slot] of slots.entries()) {
    if (slot.kind !== 'pair') continue;
    const open = list.findIndex((i) => i.type === 'token' && i.kind === 'open' && i.slot === index);
    const close = list.findIndex(
      (i) => i.type === 'token' && i.kind === 'close' && i.slot === index,
    );
    const inside = open >= 0 && close > open ? list.slice(open + 1, close) : [];
    // Words in the source's pair want words in the translation's (punctuation alone is empty).
    const wanted = WORDY.test(sourceContent(source, index)) ? WORDY : /\S/;
    const holds = inside.some((i) => i.type === 'token' || wanted.test(i.char));
    if (open < 0 || close < 0 || !holds) remove(index);
  }
  const stack: number[] = [];
  for (const i of [...list]) {
    if (i.type !== 'token' || i.kind === 'void') continue;
    if (i.kind === 'open') stack.push(i.slot);
    else if (stack.at(-1) === i.slot) stack.pop();
    else {
      // Crossed: the pair closed out of turn is placed again.
      remove(i.slot);
      stack.splice(stack.indexOf(i.slot), 1);
    }
  }
  // Put back what is missing.
  for (const [index, slot] of slots.entries()) {
    const kinds = slot.kind === 'void' ? (['void'] as const) : (['open', 'close'] as const);
    const present = list.some((i) => i.type === 'token' && i.slot === index);
    if (present) continue;
    const { plain, at } = plainOffsets(list);
    const { starts, ends, voidEnds } = boundaries(plain);
    const insert = (offset: number, item: PlaceholderPiece & { type: 'token' }) => {
      // Opens and voids go after tags already at that offset, closes before them.
      let n = at.findIndex((a, k) => a >= offset && (list[k]?.type === 'char' || a > offset));
      if (item.kind === 'close') n = at.findIndex((a) => a >= offset);
      if (n < 0) n = list.length;
      list.splice(n, 0, item);
    };
    for (const kind of kinds)
      note(kind, index, moved.has(placeholderTag(kind, index)) ? 'moved' : 'restored');
    if (slot.kind === 'void') {
      insert(nearest(starts.concat(voidEnds), sourcePosition('void', index) * plain.length), {
        type: 'token',
        kind: 'void',
        slot: index,
      });
      continue;
    }
    const content = sourceContent(source, index);
    const verbatim = content.length > 1 ? plain.toLowerCase().indexOf(content.toLowerCase()) : -1;
    let start: number;
    let end: number;
    if (verbatim >= 0) {
      start = verbatim;
      end = verbatim + content.length;
    } else {
      start = nearest(starts, sourcePosition('open', index) * plain.length);
      end = nearest(ends, sourcePosition('close', index) * plain.length, start);
    }
    if (crosses(list, at, start, end)) {
      // Around one word that no tag cuts through: inside or outside every other pair, never
      // across one.
      const inWord = (ws: number) => {
        const we = nearest(ends, ws, ws);
        return { ws, we, cut: at.some((a, k) => list[k]?.type === 'token' && a > ws && a < we) };
      };
      const words = starts.map(inWord).filter((w) => !w.cut && w.we > w.ws);
      const target = sourcePosition('open', index) * plain.length;
      const best = words.reduce<(typeof words)[number] | undefined>(
        (b, w) => (!b || Math.abs(w.ws - target) < Math.abs(b.ws - target) ? w : b),
        undefined,
      );
      if (!best) return undefined;
      start = best.ws;
      end = best.we;
    }
    insert(end, { type: 'token', kind: 'close', slot: index });
    const again = plainOffsets(list).at;
    const n = again.findIndex((a, k) => a >= start && (list[k]?.type === 'char' || a > start));
    list.splice(n < 0 ? list.length : n, 0, { type: 'token', kind: 'open', slot: index });
  }
  const text = renderPieces(list);
  return decodeSegment(text, slots).ok ? { text, repairs } : undefined;
}

/** Whether a pair from `start` to `end` (plain offsets) would cross a pair already there. */
function crosses(
  list: readonly PlaceholderPiece[],
  at: readonly number[],
  start: number,
  end: number,
): boolean {
  if (end <= start) return true;
  const opened = new Map<number, number>();
  for (const [k, i] of list.entries()) {
    if (i.type !== 'token' || i.kind === 'void') continue;
    const a = at[k] ?? 0;
    if (i.kind === 'open') opened.set(i.slot, a);
    else {
      const from = opened.get(i.slot) ?? a;
      const inStart = from < start && start < a;
      const inEnd = from < end && end < a;
      const around = start < from && from < end;
      const aroundEnd = start < a && a < end;
      if (inStart !== inEnd || around !== aroundEnd) return true;
    }
  }
  return false;
}

/** The text a pair encloses in the source, placeholders and padding left out. */
function sourceContent(source: readonly PlaceholderPiece[], slot: number): string {
  const open = source.findIndex((i) => i.type === 'token' && i.kind === 'open' && i.slot === slot);
  const close = source.findIndex(
    (i) => i.type === 'token' && i.kind === 'close' && i.slot === slot,
  );
  if (open < 0 || close < open) return '';
  return renderPieces(source.slice(open + 1, close).filter((i) => i.type === 'char'));
}
