import type { LanguageCode } from '@tidings/core';
import type { ChildNode, Document, Element, ParentNode } from 'domhandler';
import { isComment, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { GlossaryTerm } from './glossary.ts';
import type { ProtectedKind } from './protected-runs.ts';

/**
 * What a placeholder stands for: an inline element whose children are translated (`<a>`,
 * `<em>`), a node copied as it is (`<code>`, `<img>`, `<br>`, an element in another language
 * or marked `translate="no"`), a glossary term, or a run of text no model may touch (a URL,
 * an e-mail address, a name in a foreign script).
 */
export type InlineNode =
  | { readonly kind: 'element'; readonly element: Element }
  | { readonly kind: 'verbatim'; readonly node: ChildNode }
  | { readonly kind: 'term'; readonly term: GlossaryTerm; readonly text: string }
  | { readonly kind: 'protected'; readonly protect: ProtectedKind; readonly text: string };

/**
 * A markup event at a character offset of a flow's plain text: an inline element opens or
 * closes, a node without translatable text sits there, or a line break ends a segment.
 */
export interface Mark {
  readonly type: 'open' | 'close' | 'void' | 'break';
  /** Offset in the flow's text. */
  readonly at: number;
  /** Index into {@link Flow.nodes}. */
  readonly node: number;
}

/**
 * A run of inline content, the unit the translator works on: the text a reader sees, with
 * every tag reduced to a {@link Mark}, so sentences are found in plain text and markup is
 * carried beside it. A plain-text field (title, category) is a flow without marks.
 *
 * @example
 * const flow: Flow = { text: 'The minister said', marks: [], nodes: [] };
 */
export interface Flow {
  readonly text: string;
  /** Sorted by offset; marks at one offset keep document order. */
  readonly marks: readonly Mark[];
  readonly nodes: readonly InlineNode[];
}

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
  /** Images whose `alt` text is translated: not empty, not in code or text kept as it is. */
  readonly images: readonly Element[];
}

/**
 * Parses an HTML body and finds its flows: the runs of inline content between block elements
 * (the text of a `<p>`, an `<li>` before its nested list, a `<td>`, a `<caption>`). Code,
 * scripts, anything marked `translate="no"` or `class="notranslate"`, and, when the source
 * language is given, anything whose `lang` names another language, are left alone; runs
 * without a letter (whitespace, markup, a bare number) are not flows.
 *
 * @example
 * parseBody('<p>The <a href="/x">minister</a> said.</p>').flows[0]?.flow.text; // 'The minister said.'
 */
export function parseBody(html: string, source?: LanguageCode): ParsedBody {
  const document = parseDocument(html);
  const flows: HtmlFlow[] = [];
  const untranslatable = (element: Element): boolean => keptAsIs(element, source);
  collect(document, flows, untranslatable);
  return { document, flows, images: translatableImages(document, source) };
}

/**
 * The images under `root` whose `alt` text is translated: those with letters in it, outside
 * code and outside anything kept as it is (see {@link parseBody}).
 *
 * @example
 * translatableImages(parseDocument('<p><img src="a.jpg" alt="The minister"></p>'), 'en').length; // 1
 */
export function translatableImages(root: ParentNode, source?: LanguageCode): Element[] {
  const images: Element[] = [];
  findImages(root, images, (element) => keptAsIs(element, source));
  return images;
}

function findImages(container: ParentNode, images: Element[], untranslatable: Test): void {
  for (const child of container.children) {
    if (!isTag(child) || untranslatable(child)) continue;
    if (child.name === 'img' && /\p{L}/u.test(child.attribs.alt ?? '')) images.push(child);
    else if (!SKIPPED_BLOCKS.has(child.name)) findImages(child, images, untranslatable);
  }
}

type Test = (element: Element) => boolean;

function collect(container: ParentNode, flows: HtmlFlow[], untranslatable: Test): void {
  let run: ChildNode[] = [];
  for (const child of container.children) {
    if (isInline(child)) {
      run.push(child);
      continue;
    }
    flush(run, flows, untranslatable);
    run = [];
    if (isTag(child) && !SKIPPED_BLOCKS.has(child.name) && !untranslatable(child)) {
      collect(child, flows, untranslatable);
    }
  }
  flush(run, flows, untranslatable);
}

function flush(run: ChildNode[], flows: HtmlFlow[], untranslatable: Test): void {
  if (run.length === 0) return;
  const flow = buildFlow(run, untranslatable);
  if (/\p{L}/u.test(flow.text)) flows.push({ flow, nodes: run });
}

function isInline(node: ChildNode): boolean {
  if (isText(node) || isComment(node)) return true;
  if (!isTag(node)) return false;
  if (VERBATIM_INLINE.has(node.name)) return true;
  return INLINE.has(node.name) && !node.children.some((c) => isTag(c) && !isInline(c));
}

/** Marked `translate="no"` or `notranslate`, or written in another language than the source. */
function keptAsIs(element: Element, source: LanguageCode | undefined): boolean {
  const { translate, lang } = element.attribs;
  const primary = lang?.split('-')[0]?.toLowerCase();
  return (
    translate === 'no' ||
    (element.attribs.class ?? '').split(/\s+/).includes('notranslate') ||
    (source !== undefined && primary !== undefined && primary !== '' && primary !== source)
  );
}

function buildFlow(run: readonly ChildNode[], untranslatable: Test): Flow {
  let text = '';
  const marks: Mark[] = [];
  const nodes: InlineNode[] = [];
  const append = (data: string): void => {
    // HTML collapses its whitespace (not &nbsp;); doing the same keeps memory keys stable.
    // Across a tag the spaces on both sides stay, so the tag's own spacing is known
    // (`Run <code>x</code> now` is spaced on both sides, `CO<sub>2</sub>` on neither).
    const collapsed = data.replace(/[ \t\n\r\f]+/g, ' ');
    const acrossTag = marks[marks.length - 1]?.at === text.length;
    const join = text.endsWith(' ') && collapsed.startsWith(' ') && !acrossTag;
    text += join ? collapsed.slice(1) : collapsed;
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

/** The text of a node and its descendants, as it is in the source. */
export function textOf(node: ChildNode): string {
  if (isText(node)) return node.data;
  if (isTag(node)) return node.children.map(textOf).join('');
  return '';
}
