import type { LanguageCode } from '@tidings/core';
import { type ChildNode, cloneNode, Element, type ParentNode, Text } from 'domhandler';
import type { FlowPlan, SegmentPiece } from './flow-plan.ts';
import type { Glossary } from './glossary.ts';
import type { LocalAtom } from './placeholder-codec.ts';
import { typeset } from './typography.ts';

/** The decoded translation of each segment piece of a plan, in order. */
export type SegmentAtoms = readonly (readonly LocalAtom[])[];

/**
 * The atoms of a translated flow, in order, each with every inline element around it, typeset
 * for the target language.
 *
 * @example
 * flowAtoms(plan, [[{ type: 'text', text: 'Hola.', stack: [] }]], 'es');
 */
export function flowAtoms(plan: FlowPlan, translated: SegmentAtoms, to: LanguageCode): LocalAtom[] {
  const atoms: LocalAtom[] = [];
  let k = 0;
  for (const piece of plan.pieces) {
    if (piece.kind === 'literal') {
      atoms.push(...piece.atoms);
      continue;
    }
    for (const atom of translated[k++] ?? []) {
      atoms.push({ ...atom, stack: [...piece.base, ...atom.stack] });
    }
  }
  return typeset(atoms, to);
}

/**
 * Renders a translated flow as plain text (title, summary, category, alt text).
 *
 * @example
 * renderPlainFlow(plan, translated, glossary, 'es'); // 'Ucrania se une al JEF'
 */
export function renderPlainFlow(
  plan: FlowPlan,
  translated: SegmentAtoms,
  glossary: Glossary,
  to: LanguageCode,
): string {
  return flowAtoms(plan, translated, to)
    .map((atom) => {
      if (atom.type === 'text') return atom.text;
      const node = plan.nodes[atom.node];
      if (node?.kind === 'term') return glossary.render(node.term, to);
      return node?.kind === 'protected' ? node.text : '';
    })
    .join('');
}

/**
 * Renders a translated flow as DOM nodes: each inline element is rebuilt with its original
 * name and attributes around its translated text (an element split across sentences becomes
 * one again), verbatim nodes are cloned, glossary terms written in the target language.
 *
 * @example
 * const nodes = renderHtmlFlow(plan, translated, glossary, 'de');
 */
export function renderHtmlFlow(
  plan: FlowPlan,
  translated: SegmentAtoms,
  glossary: Glossary,
  to: LanguageCode,
): ChildNode[] {
  const root: ChildNode[] = [];
  const open: { node: number; element: Element }[] = [];
  const append = (child: ChildNode): void => {
    const parent = open[open.length - 1]?.element;
    const siblings = parent ? parent.children : root;
    const previous = siblings[siblings.length - 1];
    if (child instanceof Text && previous instanceof Text) {
      previous.data += child.data;
      return;
    }
    if (previous) {
      previous.next = child;
      child.prev = previous;
    }
    child.parent = (parent as ParentNode | undefined) ?? null;
    siblings.push(child);
  };
  for (const atom of flowAtoms(plan, translated, to)) {
    let common = 0;
    while (common < open.length && open[common]?.node === atom.stack[common]) common++;
    open.length = common;
    for (const id of atom.stack.slice(common)) {
      const source = plan.nodes[id];
      if (source?.kind !== 'element') continue;
      const element = new Element(source.element.name, { ...source.element.attribs });
      append(element);
      open.push({ node: id, element });
    }
    if (atom.type === 'text') {
      append(new Text(atom.text));
      continue;
    }
    const node = plan.nodes[atom.node];
    if (node?.kind === 'verbatim') append(cloneNode(node.node, true));
    else if (node?.kind === 'term') append(new Text(glossary.render(node.term, to)));
    else if (node?.kind === 'protected') append(new Text(node.text));
  }
  return root;
}

/**
 * The text of a source segment as a reader sees it: protected runs and terms put back, inline
 * tags dropped, the placeholders' padding removed.
 *
 * @example
 * readerText(piece); // 'The minister said.'
 */
export function readerText(piece: Pick<SegmentPiece, 'encoded' | 'kept'>): string {
  return piece.encoded.text
    .replace(/<x(\d+)\/>/g, (_, n: string) => piece.kept[Number(n) - 1] ?? '')
    .replace(/<\/?g\d+>/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ (?=[.,;:!?)\]»”])/g, '')
    .trim();
}
