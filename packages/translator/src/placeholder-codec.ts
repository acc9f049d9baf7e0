import type { MarkupElement } from '@tidings/core';

/** A markup event inside one segment, at an offset of the segment's own text. */
export interface LocalMark {
  readonly type: 'open' | 'close' | 'void';
  readonly at: number;
  /** Index into the flow's nodes. */
  readonly node: number;
}

/**
 * What placeholder number `k` (slot `k - 1`) stands for, whether the source had whitespace on
 * each side of its tags, and which character the tag touched there, which is how spacing is
 * restored after the model.
 */
export interface Slot {
  readonly node: number;
  readonly kind: 'pair' | 'void';
  /** Whitespace before and after the opening tag (or the void). */
  readonly open: readonly [boolean, boolean];
  /** Whitespace before and after the closing tag (pairs only). */
  readonly close: readonly [boolean, boolean];
  /**
   * The nearest character of text before and after the opening tag (or the void) in the
   * source segment, whitespace skipped; '' at the segment's edge.
   */
  readonly openTouch: readonly [string, string];
  /** The same for the closing tag (pairs only). */
  readonly closeTouch: readonly [string, string];
}

/** A segment as the model sees it: text with `<g1>…</g1>` and `<x2/>` placeholders. */
export interface EncodedSegment {
  readonly text: string;
  readonly slots: readonly Slot[];
}

/** A piece of a decoded translation, with the inline elements around it (outer first). */
export type LocalAtom =
  | { readonly type: 'text'; readonly text: string; readonly stack: readonly number[] }
  | { readonly type: 'node'; readonly node: number; readonly stack: readonly number[] };

/**
 * Why a translation's placeholders cannot be trusted, as data: a placeholder the input does not
 * have (as the model wrote it), or one of the input's (numbered from 1) missing, repeated, or
 * closed out of order.
 */
export type PlaceholderProblem =
  | { readonly code: 'placeholder-unknown'; readonly placeholder: string }
  | {
      readonly code: 'placeholder-missing' | 'placeholder-repeated' | 'placeholder-out-of-order';
      readonly placeholder: number;
      /** The element it stands for, and the text it wraps: added by the article's assembly. */
      readonly element?: MarkupElement | undefined;
      readonly wraps?: string | undefined;
    };

/** The result of decoding: the atoms, or why the placeholders cannot be trusted. */
export type Decoded =
  | { readonly ok: true; readonly atoms: LocalAtom[] }
  | { readonly ok: false; readonly problem: PlaceholderProblem };

// Tolerant of the spaces and capitals a model may put inside a tag ("< / G1 >").
const PLACEHOLDER = /<\s*(\/)?\s*([gx])\s*(\d{1,3})\s*(\/)?\s*>/gi;

/**
 * Encodes a segment's text and marks as the model input. Placeholders are XLIFF-style inline
 * tags (`<g1>` pairs around translatable content, `<x2/>` for what stays as it is), each
 * padded with one space so a word-by-word model sees them as separate words and a subword
 * model starts the next word afresh; numbering restarts in every segment so equal sentences
 * encode equally (and share the translation memory) whatever their links point at.
 *
 * @example
 * encodeSegment('The minister said', [{ type: 'open', at: 4, node: 0 }, { type: 'close', at: 12, node: 0 }]);
 * // { text: 'The <g1> minister </g1> said', slots: [...] }
 */
export function encodeSegment(text: string, marks: readonly LocalMark[]): EncodedSegment {
  const slots: Slot[] = [];
  const slotOf = new Map<number, number>();
  let out = '';
  let last = 0;
  for (const mark of marks) {
    out += text.slice(last, mark.at);
    last = mark.at;
    const [[before, after], touch] = spacingAt(text, mark.at);
    if (mark.type === 'close') {
      const index = slotOf.get(mark.node);
      if (index === undefined) continue;
      const slot = slots[index];
      if (slot) slots[index] = { ...slot, close: [before, after], closeTouch: touch };
      out += ` ${placeholderTag('close', index)} `;
      continue;
    }
    const index = slots.length;
    slots.push({
      node: mark.node,
      kind: mark.type === 'open' ? 'pair' : 'void',
      open: [before, after],
      close: [false, false],
      openTouch: touch,
      closeTouch: ['', ''],
    });
    slotOf.set(mark.node, index);
    out += ` ${placeholderTag(mark.type === 'open' ? 'open' : 'void', index)} `;
  }
  out += text.slice(last);
  return { text: out.replace(/\s+/g, ' ').trim(), slots };
}

/** A placeholder as a model wrote it, with where it stands in the text. */
export interface PlaceholderToken {
  readonly kind: 'open' | 'close' | 'void';
  readonly slot: number;
  readonly start: number;
  readonly end: number;
}

type Token = PlaceholderToken;

/**
 * The placeholders of a text, in order, as written by the model (spaces and capitals inside a
 * tag tolerated: `< G 1 >`).
 *
 * @example
 * placeholderTokens('El <g1> ministro </g1>').map((t) => t.kind); // ['open', 'close']
 */
export function placeholderTokens(text: string): Token[] {
  const found: Token[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const isVoid = m[2]?.toLowerCase() === 'x';
    found.push({
      kind: isVoid ? 'void' : m[1] ? 'close' : 'open',
      slot: Number(m[3]) - 1,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return found;
}

/**
 * A character of a translation, or one of its placeholders (a token's `slot` may be renumbered
 * in place by a repair): see {@link placeholderPieces}.
 */
export type PlaceholderPiece =
  | { readonly type: 'char'; readonly char: string }
  | { type: 'token'; kind: 'open' | 'close' | 'void'; slot: number };

/**
 * A translation as its characters and placeholders in order, however the model spaced the
 * placeholders: what the repairs move around. {@link renderPieces} writes it back.
 *
 * @example
 * placeholderPieces('a< g1 >'); // [{ type: 'char', char: 'a' }, { type: 'token', kind: 'open', slot: 0 }]
 */
export function placeholderPieces(text: string): PlaceholderPiece[] {
  const out: PlaceholderPiece[] = [];
  let cursor = 0;
  for (const t of placeholderTokens(text)) {
    for (const char of text.slice(cursor, t.start)) out.push({ type: 'char', char });
    out.push({ type: 'token', kind: t.kind, slot: t.slot });
    cursor = t.end;
  }
  for (const char of text.slice(cursor)) out.push({ type: 'char', char });
  return out;
}

/**
 * A placeholder as the codec writes it, from its kind and 0-based slot.
 *
 * @example
 * placeholderTag('close', 0); // '</g1>'
 */
export function placeholderTag(kind: 'open' | 'close' | 'void', slot: number): string {
  return kind === 'open'
    ? `<g${slot + 1}>`
    : kind === 'close'
      ? `</g${slot + 1}>`
      : `<x${slot + 1}/>`;
}

/**
 * Pieces back into a translation: each placeholder spaced off as the codec writes it, runs of
 * whitespace made one space.
 *
 * @example
 * renderPieces(placeholderPieces('El< g1 >ministro</g1>')); // 'El <g1> ministro </g1>'
 */
export function renderPieces(list: readonly PlaceholderPiece[]): string {
  return list
    .map((p) => (p.type === 'char' ? p.char : ` ${placeholderTag(p.kind, p.slot)} `))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The slots (0-based) of the void placeholders a translation has, however the model spaced them.
 *
 * @example
 * voidsIn('Met <x2/> and < x 1 / >.'); // Set { 1, 0 }
 */
export function voidsIn(output: string): Set<number> {
  return new Set(placeholderTokens(output).flatMap((t) => (t.kind === 'void' ? [t.slot] : [])));
}

/**
 * Checks that a translation has exactly the source's placeholders, each pair opened once before
 * it is closed and properly nested, and turns it into atoms with the source's spacing around
 * tags. Reordering is fine; a dropped, duplicated, invented or crossed placeholder is not.
 *
 * @example
 * decodeSegment('El <g1> ministro </g1> dijo', encoded.slots); // { ok: true, atoms: [...] }
 */
export function decodeSegment(output: string, slots: readonly Slot[]): Decoded {
  const found = placeholderTokens(output);
  const seen = new Map<string, number>();
  for (const t of found) {
    const key = `${t.kind}${t.slot}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    const slot = slots[t.slot];
    if (!slot || (slot.kind === 'void') !== (t.kind === 'void')) {
      return {
        ok: false,
        problem: { code: 'placeholder-unknown', placeholder: output.slice(t.start, t.end) },
      };
    }
  }
  for (const [index, slot] of slots.entries()) {
    const keys = slot.kind === 'void' ? [`void${index}`] : [`open${index}`, `close${index}`];
    for (const key of keys) {
      const count = seen.get(key) ?? 0;
      if (count !== 1) {
        const code = count === 0 ? 'placeholder-missing' : 'placeholder-repeated';
        return { ok: false, problem: { code, placeholder: index + 1 } };
      }
    }
  }
  const stack: number[] = [];
  for (const t of found) {
    if (t.kind === 'open') stack.push(t.slot);
    else if (t.kind === 'close' && stack.pop() !== t.slot) {
      return {
        ok: false,
        problem: { code: 'placeholder-out-of-order', placeholder: t.slot + 1 },
      };
    }
  }
  return { ok: true, atoms: toAtoms(output, found, slots) };
}

/**
 * The fallback when the placeholders of a translation cannot be trusted: keep all the text and
 * every void that survived (glossary terms, images), drop the inline pairs, and, when the source
 * had exactly one outermost pair (a sentence that is one link), wrap the whole text in it.
 *
 * @example
 * decodeLenient('El </g1> ministro dijo <g1>', slots); // atoms of 'El ministro dijo'
 */
export function decodeLenient(output: string, slots: readonly Slot[]): LocalAtom[] {
  const used = new Set<number>();
  const all = placeholderTokens(output);
  const kept = all.filter((t) => {
    if (t.kind !== 'void' || slots[t.slot]?.kind !== 'void' || used.has(t.slot)) return false;
    used.add(t.slot);
    return true;
  });
  // Pairs (and any repeat of a void) are dropped; a space keeps the words apart.
  let text = '';
  let cursor = 0;
  for (const t of all) {
    text += output.slice(cursor, t.start) + (kept.includes(t) ? output.slice(t.start, t.end) : ' ');
    cursor = t.end;
  }
  text += output.slice(cursor);
  text = text.replace(/\s{2,}/g, ' ').trim();
  const atoms = toAtoms(
    text,
    placeholderTokens(text).filter((t) => t.kind === 'void'),
    slots,
  );
  const pairs = slots.flatMap((s, i) => (s.kind === 'pair' ? [i] : []));
  const outer = pairs.length === 1 ? pairs[0] : undefined;
  if (outer === undefined) return atoms;
  const node = slots[outer]?.node;
  return node === undefined ? atoms : atoms.map((a) => ({ ...a, stack: [node, ...a.stack] }));
}

function toAtoms(output: string, found: readonly Token[], slots: readonly Slot[]): LocalAtom[] {
  const atoms: LocalAtom[] = [];
  const stack: number[] = [];
  let cursor = 0;
  let previous: Token | undefined;
  const pushText = (raw: string, next: Token | undefined): void => {
    let text = raw;
    const modelSpaceBefore = /^\s/.test(text);
    const modelSpaceAfter = /\s$/.test(text);
    text = text.trim();
    if (text === '') {
      if (previous && next && spaceBetween(previous, next, slots, modelSpaceBefore)) {
        atoms.push({ type: 'text', text: ' ', stack: [...stack] });
      }
      return;
    }
    if (previous && outerSpace(previous, 'after', slots, text.charAt(0), modelSpaceBefore)) {
      text = ` ${text}`;
    }
    if (next && outerSpace(next, 'before', slots, text.charAt(text.length - 1), modelSpaceAfter)) {
      text = `${text} `;
    }
    atoms.push({ type: 'text', text, stack: [...stack] });
  };
  for (const t of found) {
    pushText(output.slice(cursor, t.start), t);
    const node = slots[t.slot]?.node ?? -1;
    if (t.kind === 'open') stack.push(node);
    else if (t.kind === 'close') stack.pop();
    else atoms.push({ type: 'node', node, stack: [...stack] });
    cursor = t.end;
    previous = t;
  }
  pushText(output.slice(cursor), undefined);
  return atoms;
}

/** Source whitespace on one side of a placeholder token. */
function flag(t: Token, side: 'before' | 'after', slots: readonly Slot[]): boolean {
  const slot = slots[t.slot];
  if (!slot) return false;
  const pair = t.kind === 'close' ? slot.close : slot.open;
  return side === 'before' ? pair[0] : pair[1];
}

/** The source character a placeholder token touched on one side ('' at the edge). */
function touched(t: Token, side: 'before' | 'after', slots: readonly Slot[]): string {
  const slot = slots[t.slot];
  if (!slot) return '';
  const pair = t.kind === 'close' ? slot.closeTouch : slot.openTouch;
  return side === 'before' ? pair[0] : pair[1];
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * Whether whitespace goes between a placeholder and the text beside it: as in the source where
 * the tag still touches the same kind of text (so `1<sup>er</sup>`, `CO<sub>2</sub>` and
 * `<em>JEF</em> :` come back as they were); where the model moved it, a space between words.
 */
function outerSpace(
  t: Token,
  side: 'before' | 'after',
  slots: readonly Slot[],
  char: string,
  modelSpace: boolean,
): boolean {
  // An element's content touches its tags: "<em>said</em>", never "<em> said </em>".
  if ((t.kind === 'open' && side === 'after') || (t.kind === 'close' && side === 'before')) {
    return false;
  }
  const source = touched(t, side, slots);
  const spaced = flag(t, side, slots);
  if (char === source) return spaced;
  if (spaced) {
    // Punctuation the model put against the tag hugs it.
    return side === 'after' ? !/[.,;:!?)\]»”’…%]/.test(char) : !/[([«“„‘¿¡]/.test(char);
  }
  // A tag inside a word (`1<sup>er</sup>`, `CO<sub>2</sub>`) stays inside a word.
  const inside = !spaced && !flag(t, side === 'before' ? 'after' : 'before', slots);
  if (inside && WORD.test(char) && WORD.test(source)) return false;
  return WORD.test(char) && modelSpace;
}

function spaceBetween(a: Token, b: Token, slots: readonly Slot[], modelSpace: boolean): boolean {
  if (a.kind === 'open' || b.kind === 'close') return false;
  return modelSpace && (flag(a, 'after', slots) || flag(b, 'before', slots));
}

/**
 * Whether there is whitespace on each side of an offset of a text, and the nearest other
 * characters on each side.
 *
 * @example
 * spacingAt('PURL -Finanzierung', 4); // [[false, true], ['L', '-']]
 */
export function spacingAt(
  text: string,
  at: number,
): [readonly [boolean, boolean], readonly [string, string]] {
  return [
    [at > 0 && /\s/.test(text.charAt(at - 1)), at < text.length && /\s/.test(text.charAt(at))],
    [[...text.slice(0, at).trimEnd()].at(-1) ?? '', [...text.slice(at).trimStart()][0] ?? ''],
  ];
}
