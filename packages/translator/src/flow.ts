import type { ChildNode, Element } from 'domhandler';
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
