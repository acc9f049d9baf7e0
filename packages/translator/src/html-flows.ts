import type { ChildNode, Document, Element, ParentNode } from 'domhandler';
import { isComment, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { Flow, InlineNode, Mark } from './flow.ts';

/** Inline elements whose text is translated and whose tags become placeholders. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
]);
/** Inline content copied as it is: code, media, line breaks. */
const VERBATIM_INLINE = new Set([
  'br',
  'code',
  'kbd',
  'samp',
  'var',
  'img',
  'picture',
  'svg',
  'math',
  'wbr',
  'input',
  'button',
  'select',
  'textarea',
  'audio',
  'video',
  'iframe',
  'object',
  'embed',
  'canvas',
  'script',
]);
/** Blocks never translated: code listings, scripts, embedded documents. */
const SKIPPED_BLOCKS = new Set([
  'script',
  'style',
  'pre',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'noscript',
  'textarea',
  'code',
]);

/** One flow of a parsed body and the DOM nodes it was read from (replaced when rendering). */
export interface HtmlFlow {
  readonly flow: Flow;
  readonly nodes: readonly ChildNode[];
}

/** A parsed HTML body and its translatable flows, in document order. */
export interface ParsedBody {
  readonly document: Document;
  readonly flows: readonly HtmlFlow[];
}

/**
 * Parses an HTML body and finds its flows: the runs of inline content between block elements
 * (the text of a `<p>`, an `<li>` before its nested list, a `<td>`). Code, scripts and
 * anything marked `translate="no"` or `class="notranslate"` are left alone; runs without a
 * letter (whitespace, markup, a bare number) are not flows.
 *
 * @example
 * parseBody('<p>The <a href="/x">minister</a> said.</p>').flows[0]?.flow.text; // 'The minister said.'
 */
export function parseBody(html: string): ParsedBody {
  const document = parseDocument(html);
  const flows: HtmlFlow[] = [];
  collect(document, flows);
  return { document, flows };
}

function collect(container: ParentNode, flows: HtmlFlow[]): void {
  let run: ChildNode[] = [];
  for (const child of container.children) {
    if (isInline(child)) {
      run.push(child);
      continue;
    }
    flush(run, flows);
    run = [];
    if (isTag(child) && !SKIPPED_BLOCKS.has(child.name) && !untranslatable(child)) {
      collect(child, flows);
    }
  }
  flush(run, flows);
}

function flush(run: ChildNode[], flows: HtmlFlow[]): void {
  if (run.length === 0) return;
  const flow = buildFlow(run);
  if (/\p{L}/u.test(flow.text)) flows.push({ flow, nodes: run });
}

function isInline(node: ChildNode): boolean {
  if (isText(node) || isComment(node)) return true;
  if (!isTag(node)) return false;
  if (VERBATIM_INLINE.has(node.name)) return true;
  return INLINE.has(node.name) && !node.children.some((c) => isTag(c) && !isInline(c));
}

function untranslatable(element: Element): boolean {
  return (
    element.attribs.translate === 'no' ||
    (element.attribs.class ?? '').split(/\s+/).includes('notranslate')
  );
}

function buildFlow(run: readonly ChildNode[]): Flow {
  let text = '';
  const marks: Mark[] = [];
  const nodes: InlineNode[] = [];
  const append = (data: string): void => {
    // HTML collapses its whitespace (not &nbsp;); doing the same keeps memory keys stable.
    const collapsed = data.replace(/[ \t\n\r\f]+/g, ' ');
    text += text.endsWith(' ') && collapsed.startsWith(' ') ? collapsed.slice(1) : collapsed;
  };
  const visit = (node: ChildNode): void => {
    if (isText(node)) {
      append(node.data);
      return;
    }
    const index = nodes.length;
    if (isTag(node) && node.name === 'br') {
      nodes.push({ kind: 'verbatim', node });
      marks.push({ type: 'break', at: text.length, node: index });
      return;
    }
    if (
      !isTag(node) ||
      VERBATIM_INLINE.has(node.name) ||
      untranslatable(node) ||
      !/\p{L}/u.test(textOf(node))
    ) {
      nodes.push({ kind: 'verbatim', node });
      marks.push({ type: 'void', at: text.length, node: index });
      return;
    }
    nodes.push({ kind: 'element', element: node });
    marks.push({ type: 'open', at: text.length, node: index });
    for (const child of node.children) visit(child);
    marks.push({ type: 'close', at: text.length, node: index });
  };
  for (const node of run) visit(node);
  return { text, marks, nodes };
}

function textOf(node: ChildNode): string {
  if (isText(node)) return node.data;
  if (isTag(node)) return node.children.map(textOf).join('');
  return '';
}
