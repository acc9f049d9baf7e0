import type { LanguageCode } from '@tidings/core';
import type { Glossary } from './glossary.ts';
import { type Flow, type InlineNode, type Mark, textOf } from './html-flows.ts';
import { type MarkupName, markupNames } from './markup-names.ts';
import {
  type EncodedSegment,
  encodeSegment,
  type LocalAtom,
  type LocalMark,
} from './placeholder-codec.ts';
import { protectedRuns } from './protected-runs.ts';
import { splitSentences, type TextRange } from './sentence-splitter.ts';
import { type NoBreakSpace, noBreakSpaces } from './typography.ts';

/** A segment of a flow: what the model translates, and the elements around all of it. */
export interface SegmentPiece {
  readonly kind: 'segment';
  readonly encoded: EncodedSegment;
  /** Inline elements enclosing the whole segment (outer first): kept out of the model input. */
  readonly base: readonly number[];
  /** False when nothing but placeholders and punctuation is left (a protected term alone). */
  readonly translate: boolean;
  /**
   * Per slot, the text a void placeholder keeps from the model (a protected run, a glossary
   * term, code, an element in another language), which every translation must still have.
   */
  readonly kept: readonly (string | undefined)[];
  /** The source's no-break spaces, which the model sees as plain ones, to put back. */
  readonly spaces: readonly NoBreakSpace[];
  /** Per slot, the element its placeholder stands for and the text it wraps, for reasons. */
  readonly markup: readonly (MarkupName | undefined)[];
}

/** What is copied as it is between segments: whitespace, line breaks, a bare number. */
export interface LiteralPiece {
  readonly kind: 'literal';
  readonly atoms: readonly LocalAtom[];
}

/**
 * A flow cut into segments and the literal pieces between them, ready for the model and for
 * putting back together in any language.
 *
 * @example
 * const plan = planFlow({ text: 'One. Two.', marks: [], nodes: [] }, 'en', Glossary.EMPTY, { maxChars: 1000 });
 * plan.pieces.filter((p) => p.kind === 'segment').length; // 2
 */
export interface FlowPlan {
  /** The flow's nodes followed by one node per glossary match. */
  readonly nodes: readonly InlineNode[];
  readonly pieces: readonly (SegmentPiece | LiteralPiece)[];
}

/** A stretch of a flow's text taken out of the model input and put back as one node. */
interface Replacement {
  readonly start: number;
  readonly end: number;
  /** Index into the plan's nodes. */
  readonly node: number;
}

/** How a flow is planned. */
export interface PlanOptions {
  /** Longest segment in characters (MAX_SEGMENT_CHARS). */
  readonly maxChars: number;
  /**
   * Whether URLs, e-mail addresses and runs in a foreign script are kept from the model
   * (default true). Off, a test can see what a model does to them.
   */
  readonly protect?: boolean | undefined;
}

/**
 * Cuts a flow into sentence segments (line breaks end a segment too), protects glossary terms,
 * URLs, e-mail addresses and names in a foreign script, and encodes each segment with
 * placeholders. An inline element that spans several sentences
 * is closed and reopened in each, so every segment is balanced on its own; the renderer joins
 * the halves again.
 *
 * @example
 * planFlow(flow, 'en', glossary, { maxChars: 1200 });
 */
export function planFlow(
  flow: Flow,
  language: LanguageCode,
  glossary: Glossary,
  options: PlanOptions,
): FlowPlan {
  const { text, marks } = flow;
  const ranges = sentenceRanges(flow, language, options.maxChars).filter((r) =>
    /\p{L}/u.test(text.slice(r.start, r.end)),
  );
  const owner = owners(marks, ranges);
  const nodes: InlineNode[] = [...flow.nodes];
  const replacements = findReplacements(flow, language, glossary, ranges, options, nodes);
  const pieces: (SegmentPiece | LiteralPiece)[] = [];
  const stack: number[] = [];
  let cursor = 0;
  let j = 0;

  const literalUntil = (end: number, including: (m: Mark, index: number) => boolean): void => {
    const atoms: LocalAtom[] = [];
    while (j < marks.length) {
      const m = marks[j];
      if (!m || m.at > end || !including(m, j)) break;
      if (m.at > cursor)
        atoms.push({ type: 'text', text: text.slice(cursor, m.at), stack: [...stack] });
      cursor = Math.max(cursor, m.at);
      if (m.type === 'open') stack.push(m.node);
      else if (m.type === 'close') stack.pop();
      else atoms.push({ type: 'node', node: m.node, stack: [...stack] });
      j++;
    }
    if (end > cursor)
      atoms.push({ type: 'text', text: text.slice(cursor, end), stack: [...stack] });
    cursor = Math.max(cursor, end);
    if (atoms.length > 0) pieces.push({ kind: 'literal', atoms });
  };

  ranges.forEach((range, i) => {
    literalUntil(range.start, (_, index) => owner[index] !== i);
    const outer = [...stack];
    const owned: Mark[] = [];
    while (j < marks.length && owner[j] === i) {
      const m = marks[j];
      if (m) owned.push(m);
      j++;
    }
    // Which enclosing elements end inside this segment: they need a pair of their own here.
    const closedInside = new Set(owned.filter((m) => m.type === 'close').map((m) => m.node));
    let keep = outer.length;
    while (keep > 0 && closedInside.has(outer[keep - 1] ?? -1)) keep--;
    const base = outer.slice(0, keep);
    const local = localMarks(text, range, owned, outer.slice(keep), replacements);
    for (const m of owned) {
      if (m.type === 'open') stack.push(m.node);
      else if (m.type === 'close') stack.pop();
    }
    const stillOpen = openedInside(outer.slice(keep), owned);
    const localLength = local.text.length;
    for (const node of stillOpen.reverse())
      local.marks.push({ type: 'close', at: localLength, node });
    stripWrappers(local.marks, localLength, base);
    const encoded = encodeSegment(local.text, local.marks);
    const kept = encoded.slots.map((slot) =>
      slot.kind === 'void' ? keptText(nodes[slot.node]) : undefined,
    );
    pieces.push({
      kind: 'segment',
      encoded,
      base,
      translate: /\p{L}/u.test(encoded.text.replace(/<[^>]*>/g, '')),
      kept,
      spaces: noBreakSpaces(local.text),
      markup: markupNames(nodes, encoded, kept),
    });
    cursor = range.end;
  });
  literalUntil(text.length, () => true);
  return { nodes, pieces };
}

function sentenceRanges(flow: Flow, language: LanguageCode, maxChars: number): TextRange[] {
  const cuts = [
    0,
    ...flow.marks.filter((m) => m.type === 'break').map((m) => m.at),
    flow.text.length,
  ];
  const ranges: TextRange[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const start = cuts[k] ?? 0;
    const end = cuts[k + 1] ?? 0;
    if (end <= start) continue;
    for (const r of splitSentences(flow.text.slice(start, end), language, maxChars)) {
      ranges.push({ start: r.start + start, end: r.end + start });
    }
  }
  return ranges;
}

/** For each mark, the index of the segment it belongs to, or -1 for the literal pieces. */
function owners(marks: readonly Mark[], ranges: readonly TextRange[]): number[] {
  const owner = marks.map(() => -1);
  ranges.forEach((r, i) => {
    marks.forEach((m, k) => {
      if (m.type !== 'break' && m.at > r.start && m.at < r.end) owner[k] = i;
    });
    // At the edges: the trailing opens and voids at the start, the leading closes and voids at the end.
    for (let k = marks.length - 1; k >= 0; k--) {
      const m = marks[k];
      if (!m || m.at !== r.start) continue;
      if (m.type === 'open' || m.type === 'void') owner[k] = i;
      else break;
    }
    for (let k = 0; k < marks.length; k++) {
      const m = marks[k];
      if (!m || m.at !== r.end || owner[k] !== -1) continue;
      if (m.type === 'close' || m.type === 'void') owner[k] = i;
      else break;
    }
  });
  return owner;
}

/**
 * Protected runs and glossary terms of a flow, each inside one segment and crossing no markup,
 * with a node of its own appended to `nodes`. A glossary term inside an address is no term.
 */
function findReplacements(
  flow: Flow,
  language: LanguageCode,
  glossary: Glossary,
  ranges: readonly TextRange[],
  options: PlanOptions,
  nodes: InlineNode[],
): Replacement[] {
  const { text, marks } = flow;
  const fits = (m: { start: number; end: number }): boolean =>
    ranges.some((r) => r.start <= m.start && m.end <= r.end) &&
    !marks.some((k) => k.at > m.start && k.at < m.end);
  const found: { start: number; end: number; node: InlineNode }[] = [];
  const terms = glossary.find(text, language).filter(fits);
  // A number or unit inside a glossary term (`CO₂` in `CO₂ tax`) is the term's to keep; any
  // other protected run wins over a term it overlaps (a term inside an address is no term).
  const runs = (options.protect === false ? [] : protectedRuns(text, language).filter(fits)).filter(
    (r) => r.kind !== 'compatibility' || !terms.some((m) => m.start <= r.start && r.end <= m.end),
  );
  for (const run of runs) {
    const slice = text.slice(run.start, run.end);
    found.push({ ...run, node: { kind: 'protected', protect: run.kind, text: slice } });
  }
  for (const m of terms) {
    if (runs.some((r) => r.start < m.end && m.start < r.end)) continue;
    const slice = text.slice(m.start, m.end);
    found.push({ start: m.start, end: m.end, node: { kind: 'term', term: m.term, text: slice } });
  }
  found.sort((a, b) => a.start - b.start);
  return found.map((r) => ({ start: r.start, end: r.end, node: nodes.push(r.node) - 1 }));
}

function localMarks(
  text: string,
  range: TextRange,
  owned: readonly Mark[],
  reopened: readonly number[],
  all: readonly Replacement[],
): { text: string; marks: LocalMark[] } {
  const replaced = all.filter((t) => range.start <= t.start && t.end <= range.end);
  const shift = (at: number): number => {
    let removed = 0;
    for (const t of replaced) if (t.end <= at) removed += t.end - t.start;
    return Math.max(0, Math.min(at, range.end) - range.start - removed);
  };
  const events: { key: number; mark: LocalMark }[] = reopened.map((node) => ({
    key: -1,
    mark: { type: 'open', at: 0, node },
  }));
  for (const m of owned) {
    if (m.type === 'break') continue;
    events.push({ key: m.at, mark: { type: m.type, at: shift(m.at), node: m.node } });
  }
  for (const t of replaced) {
    const node = t.node;
    // After the marks at its start, before those at its end.
    events.push({ key: t.start + 0.5, mark: { type: 'void', at: shift(t.start), node } });
  }
  events.sort((a, b) => a.key - b.key);
  let local = '';
  let last = range.start;
  for (const t of replaced) {
    local += text.slice(last, t.start);
    last = t.end;
  }
  local += text.slice(last, range.end);
  return { text: local, marks: events.map((e) => e.mark) };
}

/** Elements opened in this segment (or reopened at its start) and not closed by its end. */
function openedInside(reopened: readonly number[], owned: readonly Mark[]): number[] {
  const open = [...reopened];
  for (const m of owned) {
    if (m.type === 'open') open.push(m.node);
    else if (m.type === 'close') open.splice(open.lastIndexOf(m.node), 1);
  }
  return open;
}

/** Moves pairs that enclose the whole segment out of the model input, into `base`. */
function stripWrappers(marks: LocalMark[], length: number, base: number[]): void {
  for (;;) {
    const first = marks[0];
    const last = marks[marks.length - 1];
    if (
      !first ||
      !last ||
      marks.length < 2 ||
      first.type !== 'open' ||
      first.at !== 0 ||
      last.type !== 'close' ||
      last.at !== length ||
      last.node !== first.node
    ) {
      return;
    }
    base.push(first.node);
    marks.shift();
    marks.pop();
  }
}

/** The text a void node keeps from the model, when it has any that a reader would miss. */
function keptText(node: InlineNode | undefined): string | undefined {
  if (node?.kind === 'protected' || node?.kind === 'term') return node.text;
  if (node?.kind !== 'verbatim') return undefined;
  const text = textOf(node.node).replace(/\s+/g, ' ').trim();
  return /[\p{L}\p{N}]/u.test(text) ? text : undefined;
}
