import type { ArticleContent, LanguageCode } from '@tidings/core';
import render from 'dom-serializer';
import { type ArticlePlan, flowGroups, planArticle, segmentsOf } from './article-plan.ts';
import type { FlowPlan, SegmentPiece } from './flow-plan.ts';
import { readerText } from './flow-renderer.ts';
import { Glossary } from './glossary.ts';
import type { InlineNode } from './html-flows.ts';
import { decodeSegment, type Slot } from './placeholder-codec.ts';
import type { HumanEntry } from './translation-memory.ts';
import { AS_WRITTEN, asWritten, spacedAsWritten } from './wording-as-written.ts';

/** Why part of a correction taught the memory nothing. */
export type SkipReason =
  /** The corrected article has more or fewer blocks of this kind (categories, body blocks). */
  | 'block-count'
  /** The block has several sentences and the correction another number of them. */
  | 'sentence-count'
  /** The corrected sentence's inline markup does not map one to one onto the source's. */
  | 'markup';

/** What one correction teaches the memory. */
export interface CorrectionAlignment {
  /** Source segment → editor's wording, in the form the translator asks the memory. */
  readonly entries: HumanEntry[];
  /** Every translated source segment, with its block, as a version's segment origins list them. */
  readonly segments: { readonly block: number; readonly source: string }[];
  /** Blocks (or sentences of them) left out, and why. */
  readonly skipped: { readonly block: number; readonly reason: SkipReason }[];
}

/** How the article is segmented: the same options the workers translate with. */
export interface AlignOptions {
  /** MAX_SEGMENT_CHARS; default 1000. */
  readonly maxSegmentChars?: number | undefined;
  /** As {@link TranslatorOptions.protectRuns}; default true. */
  readonly protectRuns?: boolean | undefined;
}

/**
 * Aligns an editor's corrected version with its source, block by block and, where a block has
 * as many sentences on both sides, sentence by sentence, through the translator's own planner
 * and placeholder codec: each entry's `text` is exactly the model input the translator looks
 * up, and its `translation` the editor's wording with the source's placeholders. A source
 * block of one sentence takes the whole corrected block, whatever its sentence count. Inline
 * markup is mapped element by element (same tag and attributes, same protected text or
 * glossary term); a sentence whose markup cannot be mapped is skipped, never stored wrong.
 *
 * @example
 * const { entries } = alignCorrection(source, corrected, 'en', 'es', glossary);
 * await memory.setHuman(entries);
 */
export function alignCorrection(
  source: ArticleContent,
  corrected: ArticleContent,
  from: LanguageCode,
  to: LanguageCode,
  glossary: Glossary = Glossary.EMPTY,
  options: AlignOptions = {},
): CorrectionAlignment {
  const planning = { maxChars: options.maxSegmentChars ?? 1000, protect: options.protectRuns };
  const sourcePlan = planArticle(source, from, glossary, planning);
  // In the correction a term reads as the glossary renders it in `to`; matched as that text,
  // it becomes a placeholder again, known by the source term it renders.
  const rendered = targetGlossary(glossary, from, to);
  const correctedPlan = planArticle(corrected, to, rendered.glossary, planning);
  const result: CorrectionAlignment = { entries: [], segments: [], skipped: [] };
  sourcePlan.segments.forEach((segment, k) => {
    if (segment.translate)
      result.segments.push({ block: sourcePlan.blocks[k] ?? 0, source: readerText(segment) });
  });
  const pairs = blockPairs(sourcePlan, correctedPlan);
  for (const [block, sourceFlow, correctedFlow] of pairs) {
    if (!correctedFlow) {
      result.skipped.push({ block, reason: 'block-count' });
      continue;
    }
    const sourceSegments = segmentsOf(sourceFlow);
    const correctedSegments = segmentsOf(correctedFlow);
    const sign = (flow: FlowPlan, names: ReadonlyMap<string, string>) => (slot: Slot) =>
      signature(flow.nodes[slot.node], slot.kind, names);
    const sourceSign = sign(sourceFlow, new Map());
    const correctedSign = sign(correctedFlow, rendered.sources);
    let aligned: [SegmentPiece, string][];
    if (sourceSegments.length === correctedSegments.length) {
      aligned = sourceSegments.map((s, i) => {
        const c = correctedSegments[i];
        return [
          s,
          c ? remap(asWritten(c.encoded), c.encoded.slots, correctedSign, s, sourceSign) : '',
        ];
      });
    } else if (sourceSegments.length === 1 && sourceSegments[0]) {
      const only = sourceSegments[0];
      const pieces = correctedSegments.map((c) =>
        remap(asWritten(c.encoded), c.encoded.slots, correctedSign, only, sourceSign, true),
      );
      const joined = pieces.map((p) => spacedAsWritten(p, []).text).join(' ');
      const marked = pieces.some((p) => p.startsWith(AS_WRITTEN));
      aligned = [[only, pieces.includes('') ? '' : marked ? AS_WRITTEN + joined : joined]];
    } else {
      result.skipped.push({ block, reason: 'sentence-count' });
      continue;
    }
    for (const [segment, wording] of aligned) {
      if (!segment.translate) continue;
      if (wording === '' || !fits(wording, segment)) {
        result.skipped.push({ block, reason: 'markup' });
        continue;
      }
      result.entries.push({ from, to, text: segment.encoded.text, translation: wording });
    }
  }
  return result;
}

type Pair = [block: number, source: FlowPlan, corrected: FlowPlan | undefined];

/** The source's flows with their block numbers, each beside the corrected flow in its place. */
function blockPairs(source: ArticlePlan, corrected: ArticlePlan): Pair[] {
  const sourceGroups = flowGroups(source);
  const correctedGroups = flowGroups(corrected);
  const pairs: Pair[] = [];
  let block = 0;
  sourceGroups.forEach((flows, g) => {
    const other = correctedGroups[g] ?? [];
    for (const [i, flow] of flows.entries()) {
      pairs.push([block++, flow, other.length === flows.length ? other[i] : undefined]);
    }
  });
  return pairs;
}

/**
 * What a placeholder stands for, comparable across the source and the correction: an
 * element's tag and attributes (not the translatable ones), a kept node's markup, a glossary
 * term's source, a protected run's text.
 */
function signature(
  node: InlineNode | undefined,
  kind: Slot['kind'],
  termSources: ReadonlyMap<string, string>,
): string {
  if (!node) return `${kind}:?`;
  switch (node.kind) {
    case 'element': {
      const attributes = Object.entries(node.element.attribs)
        .filter(([name]) => !TRANSLATABLE_ATTRIBUTES.has(name))
        .sort(([a], [b]) => a.localeCompare(b));
      return `${kind}:element:${node.element.name}:${JSON.stringify(attributes)}`;
    }
    case 'verbatim':
      return `${kind}:verbatim:${render(node.node, { encodeEntities: 'utf8' })}`;
    case 'term':
      return `${kind}:term:${termSources.get(node.term.source) ?? node.term.source}`;
    case 'protected':
      return `${kind}:protected:${node.text}`;
  }
}

const TRANSLATABLE_ATTRIBUTES = new Set(['title', 'alt', 'aria-label', 'lang', 'dir']);

/**
 * The corrected segment's text with each placeholder renumbered to the source slot standing
 * for the same thing; '' when they do not map one to one. `partial` lets a piece of a block
 * use some of the source's slots (the pieces are joined, then checked whole).
 */
function remap(
  text: string,
  slots: readonly Slot[],
  sign: (slot: Slot) => string,
  source: SegmentPiece,
  sourceSign: (slot: Slot) => string,
  partial = false,
): string {
  const sourceSlots = source.encoded.slots;
  if (!partial && slots.length !== sourceSlots.length) return '';
  const used = new Set<number>();
  const target: number[] = [];
  for (const slot of slots) {
    const wanted = sign(slot);
    const match = sourceSlots.findIndex((s, i) => !used.has(i) && sourceSign(s) === wanted);
    if (match < 0) return '';
    used.add(match);
    target.push(match);
  }
  return text.replace(
    /<(\/?)([gx])(\d+)(\/?)>/g,
    (_, close: string, kind: string, n: string, v: string) => {
      const to = target[Number(n) - 1];
      return to === undefined ? '\u0000' : `<${close}${kind}${to + 1}${v}>`;
    },
  );
}

/** Whether a wording decodes against the source's slots and keeps every kept text. */
function fits(wording: string, segment: SegmentPiece): boolean {
  if (wording.includes('\u0000')) return false;
  const { text, slots } = spacedAsWritten(wording, segment.encoded.slots);
  return decodeSegment(text, slots).ok;
}

/**
 * The glossary as terms read in a translation into `to`: each term applicable to `from`,
 * written as it renders in `to`, and which source term each rendering stands for.
 */
function targetGlossary(
  glossary: Glossary,
  from: LanguageCode,
  to: LanguageCode,
): { glossary: Glossary; sources: Map<string, string> } {
  const sources = new Map<string, string>();
  const terms = glossary.terms
    .filter((t) => t.from === undefined || t.from === from)
    .map((t) => {
      const written = glossary.render(t, to);
      sources.set(written, t.source);
      return { source: written, caseSensitive: t.caseSensitive };
    });
  return { glossary: new Glossary(terms), sources };
}
