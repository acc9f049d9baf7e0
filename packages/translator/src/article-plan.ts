import type { ArticleContent, LanguageCode } from '@tidings/core';
import render from 'dom-serializer';
import type { ChildNode } from 'domhandler';
import { type FlowPlan, type PlanOptions, planFlow, type SegmentPiece } from './flow-plan.ts';
import { renderHtmlFlow, renderPlainFlow, type SegmentAtoms } from './flow-renderer.ts';
import type { Glossary } from './glossary.ts';
import { parseBody, translatableImages } from './html-flows.ts';
import type { LocalAtom } from './placeholder-codec.ts';

/**
 * An article cut into segments: title, summary, each category, the image's alt text and every
 * flow of the body, in that order.
 *
 * @example
 * const plan = planArticle(content, 'en', Glossary.EMPTY, { maxChars: 1200 });
 * plan.segments.map((s) => s.encoded.text);
 */
export interface ArticlePlan {
  /**
   * The article's language: an element whose `lang` names another is left as it is
   * (undefined when protection is off, and every element is translated).
   */
  readonly textLanguage: LanguageCode | undefined;
  readonly title: FlowPlan;
  readonly summary: FlowPlan;
  readonly categories: readonly FlowPlan[];
  readonly alt: FlowPlan | undefined;
  readonly body: readonly FlowPlan[];
  /** The distinct alt texts of the body's images, each with its plan, after the body. */
  readonly imageAlts: readonly { readonly text: string; readonly plan: FlowPlan }[];
  /** Every segment piece of every flow, in document order (duplicates included). */
  readonly segments: readonly SegmentPiece[];
  /**
   * Per segment, the index of its flow (block): title 0, summary 1, the categories, the
   * image's alt text, the body's flows, then the body images' alt texts.
   */
  readonly blocks: readonly number[];
}

/**
 * Segments an article for translation.
 *
 * @example
 * planArticle({ title: 'Hi', summary: '', body: '<p>One. Two.</p>', categories: [] }, 'en', Glossary.EMPTY, { maxChars: 1200 });
 */
export function planArticle(
  content: ArticleContent,
  source: LanguageCode,
  glossary: Glossary,
  options: PlanOptions,
): ArticlePlan {
  const plain = (text: string): FlowPlan =>
    planFlow({ text, marks: [], nodes: [] }, source, glossary, options);
  const title = plain(content.title);
  const summary = plain(content.summary);
  const categories = content.categories.map(plain);
  const alt = content.image ? plain(content.image.alt) : undefined;
  const textLanguage = options.protect === false ? undefined : source;
  const parsed = parseBody(content.body, textLanguage);
  const body = parsed.flows.map((f) => planFlow(f.flow, source, glossary, options));
  const altTexts = new Set(parsed.images.map((image) => image.attribs.alt ?? ''));
  const imageAlts = [...altTexts].map((text) => ({ text, plan: plain(text) }));
  const flows = flowGroups({ title, summary, categories, alt, body, imageAlts }).flat();
  const segments = flows.flatMap(segmentsOf);
  const blocks = flows.flatMap((f, block) =>
    f.pieces.flatMap((p) => (p.kind === 'segment' ? [block] : [])),
  );
  return { textLanguage, title, summary, categories, alt, body, imageAlts, segments, blocks };
}

/**
 * A plan's flows by kind, in block order (title, summary, the categories, the image's alt
 * text, the body's flows, the body images' alt texts): what {@link ArticlePlan.blocks} numbers,
 * and what a correction is aligned by, kind against kind.
 *
 * @example
 * flowGroups(plan).flat()[0] === plan.title; // true
 */
export function flowGroups(
  plan: Pick<ArticlePlan, 'title' | 'summary' | 'categories' | 'alt' | 'body' | 'imageAlts'>,
): FlowPlan[][] {
  return [
    [plan.title],
    [plan.summary],
    [...plan.categories],
    plan.alt ? [plan.alt] : [],
    [...plan.body],
    plan.imageAlts.map((a) => a.plan),
  ];
}

/**
 * The segment pieces of one flow, in order (the text between them is kept as it is).
 *
 * @example
 * segmentsOf(plan.title).length; // 1 for a one-sentence title
 */
export function segmentsOf(flow: FlowPlan): SegmentPiece[] {
  return flow.pieces.filter((p): p is SegmentPiece => p.kind === 'segment');
}

/**
 * Puts a translated article together from its plan and the decoded atoms of every segment
 * (indexed like {@link ArticlePlan.segments}); markup outside the flows is kept byte for byte
 * as the parser read it.
 *
 * @example
 * const es = renderArticle(content, plan, atoms, glossary, 'es');
 */
export function renderArticle(
  content: ArticleContent,
  plan: ArticlePlan,
  atoms: readonly (readonly LocalAtom[])[],
  glossary: Glossary,
  to: LanguageCode,
): ArticleContent {
  let next = 0;
  const take = (flow: FlowPlan): SegmentAtoms => {
    const count = flow.pieces.filter((p) => p.kind === 'segment').length;
    const slice = atoms.slice(next, next + count);
    next += count;
    return slice;
  };
  const plain = (flow: FlowPlan): string => renderPlainFlow(flow, take(flow), glossary, to);
  const title = plain(plan.title);
  const summary = plain(plan.summary);
  const categories = plan.categories.map(plain);
  const alt = plan.alt ? plain(plan.alt) : undefined;
  let body = content.body;
  if (plan.body.length > 0 || plan.imageAlts.length > 0) {
    // A fresh parse per language: rendering replaces nodes in place.
    const parsed = parseBody(content.body, plan.textLanguage);
    parsed.flows.forEach((flow, i) => {
      const flowPlan = plan.body[i];
      if (flowPlan) replace(flow.nodes, renderHtmlFlow(flowPlan, take(flowPlan), glossary, to));
    });
    // By text, so an image the model moved within its sentence keeps its own alt.
    const alts = new Map(plan.imageAlts.map((a) => [a.text, plain(a.plan)]));
    for (const image of translatableImages(parsed.document, plan.textLanguage)) {
      const translated = alts.get(image.attribs.alt ?? '');
      if (translated !== undefined) image.attribs.alt = translated;
    }
    body = render(parsed.document, { encodeEntities: 'utf8' });
  }
  return {
    title,
    summary,
    body,
    categories,
    ...(content.image && alt !== undefined ? { image: { ...content.image, alt } } : {}),
  };
}

function replace(old: readonly ChildNode[], fresh: ChildNode[]): void {
  const first = old[0];
  const parent = first?.parent;
  if (!first || !parent) return;
  const index = parent.children.indexOf(first);
  parent.children.splice(index, old.length, ...fresh);
  for (const [i, node] of parent.children.entries()) {
    node.parent = parent;
    node.prev = parent.children[i - 1] ?? null;
    node.next = parent.children[i + 1] ?? null;
  }
}
