import type { MarkupElement } from '@tidings/core';
import type { Element } from 'domhandler';
import { isTag } from 'domhandler';
import type { InlineNode } from './html-flows.ts';
import { type EncodedSegment, placeholderTag } from './placeholder-codec.ts';
import type { SegmentProblem } from './review-reason.ts';

/** What one placeholder of a segment stands for, as an editor knows it. */
export interface MarkupName {
  readonly element: MarkupElement;
  /** The source text it wraps (an image's alt text, a code span's text), shortened. */
  readonly wraps?: string | undefined;
}

const ELEMENTS: Readonly<Record<string, MarkupElement>> = {
  a: 'link',
  em: 'emphasis',
  i: 'emphasis',
  strong: 'strong',
  b: 'strong',
  code: 'code',
  kbd: 'code',
  samp: 'code',
  img: 'image',
  picture: 'image',
  br: 'line-break',
};

// The text shortened as segment quotes are; an element without text names none.
const named = (element: MarkupElement, text?: string): MarkupName => {
  const plain = text?.replace(/\s+/g, ' ').trim();
  if (!plain) return { element };
  return { element, wraps: plain.length > 40 ? `${plain.slice(0, 39)}…` : plain };
};

const altOf = (element: Element): string | undefined =>
  element.name === 'img'
    ? element.attribs.alt
    : element.children.filter(isTag).map(altOf).find(Boolean);

/**
 * Per slot of an encoded segment, the element its placeholder stands for and the source text it
 * wraps: a pair's words (nested placeholders read as the reader sees them), an image's alt text,
 * a code span's text. A glossary term or protected run is no markup an editor put there:
 * `undefined`, and its reasons read by number as before.
 *
 * @example
 * markupNames(plan.nodes, { text: 'The <g1> minister </g1> said', slots }, [undefined]);
 * // [{ element: 'link', wraps: 'minister' }]
 */
export function markupNames(
  nodes: readonly InlineNode[],
  encoded: EncodedSegment,
  kept: readonly (string | undefined)[],
): (MarkupName | undefined)[] {
  return encoded.slots.map((slot, i) => {
    const node = nodes[slot.node];
    if (node?.kind === 'element') {
      const element = ELEMENTS[node.element.name] ?? 'other';
      const inside = encoded.text
        .split(placeholderTag('open', i))[1]
        ?.split(placeholderTag('close', i))[0];
      const words = inside
        ?.replace(/<x(\d+)\/>/g, (_, n: string) => kept[Number(n) - 1] ?? '')
        .replace(/<\/?g\d+>/g, '')
        .replace(/ (?=[.,;:!?)\]»”])/g, '');
      return named(element, words);
    }
    if (node?.kind !== 'verbatim' || !isTag(node.node)) return undefined;
    const element = ELEMENTS[node.node.name] ?? 'other';
    if (element === 'line-break') return named(element);
    if (element === 'image') return named(element, altOf(node.node));
    return named(element, kept[i]);
  });
}

/**
 * A segment's problem with the element each placeholder it names stands for, and the text that
 * element wraps: `placeholder-missing`, `-repeated`, `-out-of-order` and each repair of
 * `markup-repaired` (a placeholder the source lacks names none).
 *
 * @example
 * nameMarkup({ code: 'placeholder-missing', placeholder: 1 }, [{ element: 'link', wraps: 'Monday' }]);
 * // { code: 'placeholder-missing', placeholder: 1, element: 'link', wraps: 'Monday' }
 */
export function nameMarkup(
  problem: SegmentProblem,
  names: readonly (MarkupName | undefined)[],
): SegmentProblem {
  if (
    problem.code === 'placeholder-missing' ||
    problem.code === 'placeholder-repeated' ||
    problem.code === 'placeholder-out-of-order'
  )
    return { ...problem, ...names[problem.placeholder - 1] };
  if (problem.code === 'markup-repaired')
    return {
      ...problem,
      repairs: problem.repairs.map((r) => ({
        ...r,
        ...names[Number(/\d+/.exec(r.placeholder)?.[0] ?? 0) - 1],
      })),
    };
  return problem;
}
