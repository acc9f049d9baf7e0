import {
  type ArticleContent,
  countOrigins,
  type LanguageCode,
  type SegmentOrigin,
  type SegmentOrigins,
  type SegmentSource,
} from '@tidings/core';
import { type ArticlePlan, renderArticle } from './article-plan.ts';
import type { SegmentPiece } from './flow-plan.ts';
import { readerText } from './flow-renderer.ts';
import type { Glossary } from './glossary.ts';
import { nameMarkup } from './markup-names.ts';
import type { RouteStep } from './model-map.ts';
import { decodeLenient, decodeSegment, type LocalAtom, voidsIn } from './placeholder-codec.ts';
import { lostForeignRuns } from './protected-runs.ts';
import { type ReviewReason, reasonKey, type SegmentProblem } from './review-reason.ts';
import type { SegmentOutput } from './segment-translator.ts';
import { stepKey } from './step-groups.ts';
import { restoreNoBreakSpaces } from './typography.ts';
import { spacedAsWritten } from './wording-as-written.ts';

/** One language version produced by the translator. */
export interface TargetTranslation {
  readonly content: ArticleContent;
  /** The model, or models joined with ` → ` for a pivot (`…-es-en → …-en-de`). */
  readonly model: string;
  /** Segments of the article that needed translating (repeats included). */
  readonly segments: number;
  /** Distinct segment translations (per route step) answered by the memory. */
  readonly memoryHits: number;
  /** Distinct segment translations (per route step) computed by a model; a shared pivot step counts for each target using it. */
  readonly modelCalls: number;
  /** Why this version must be reviewed before it is published; empty when it passed every gate. */
  readonly needsReview: ReviewReason[];
  /** Where each translated segment came from (human memory, machine memory, a model), counted. */
  readonly segmentOrigins: SegmentOrigins;
}

/**
 * Puts one target language's version of an article together from the route steps' outputs
 * (or an editor's wording, segment by segment): decodes placeholders, writes the glossary's
 * fixed terms and the markup back, and lists why it needs review (a gate that failed, markup
 * repaired or lost, a protected run or foreign-script run that did not come back).
 *
 * @example
 * const es = assembleTarget(job, plan, 'es', route, [firstOut], glossary, undefined);
 * es.needsReview; // [] when every segment passed
 */
export function assembleTarget(
  job: { readonly content: ArticleContent; readonly source: LanguageCode },
  plan: ArticlePlan,
  target: LanguageCode,
  route: readonly RouteStep[],
  outputs: readonly Map<string, Map<string, SegmentOutput>>[],
  glossary: Glossary,
  wordings: ReadonlyMap<string, string> | undefined,
): TargetTranslation {
  const reasons = new Map<string, ReviewReason>();
  const counted = route.map(() => new Set<string>());
  // Each step's outputs, found once for the article rather than once per segment.
  const stepOutputs = route.map((step, i) => outputs[i]?.get(stepKey(step)));
  const sources: SegmentSource[] = [];
  let memoryHits = 0;
  let modelCalls = 0;
  const atoms: LocalAtom[][] = plan.segments.map((segment, k) => {
    const { text: input, slots } = segment.encoded;
    if (!segment.translate) return decoded(restoreNoBreakSpaces(input, segment.spaces), slots);
    let text = input;
    const problems: SegmentProblem[] = [];
    const wording = wordings?.get(input);
    let origin: SegmentOrigin = wording === undefined ? 'machine-memory' : 'human-memory';
    if (wording !== undefined) text = wording;
    else
      stepOutputs.forEach((perText, i) => {
        const out = perText?.get(text);
        if (!out) return;
        if (!counted[i]?.has(text)) {
          counted[i]?.add(text);
          if (out.origin === 'memory') memoryHits++;
          else modelCalls++;
        }
        if (out.origin === 'model') origin = 'model';
        if (out.problem) problems.push(out.problem);
        text = out.text;
      });
    sources.push({ block: plan.blocks[k] ?? 0, source: readerText(segment), origin });
    // An editor's wording keeps the editor's spacing around markup (`<code>PURL</code>-Finanzierung`).
    const spaced = spacedAsWritten(text, slots);
    text = restoreNoBreakSpaces(spaced.text, segment.spaces);
    const result = decodeSegment(text, spaced.slots);
    if (!result.ok) problems.push(result.problem);
    problems.push(...lostContent(input, text, job.source, segment.kept));
    for (const problem of problems) {
      const reason = { ...nameMarkup(problem, segment.markup), segment: snippet(segment) };
      reasons.set(reasonKey(reason), reason);
    }
    return result.ok ? result.atoms : decodeLenient(text, spaced.slots);
  });
  return {
    content: renderArticle(job.content, plan, atoms, glossary, target),
    model: route.map((s) => s.model).join(' → '),
    segments: plan.segments.filter((s) => s.translate).length,
    memoryHits,
    modelCalls,
    needsReview: [...reasons.values()],
    segmentOrigins: countOrigins(sources),
  };
}

function decoded(text: string, slots: Parameters<typeof decodeSegment>[1]): LocalAtom[] {
  const result = decodeSegment(text, slots);
  return result.ok ? result.atoms : decodeLenient(text, slots);
}

/**
 * What the whole route lost, source to target: runs in a foreign script, and the text of
 * protected placeholders (names, addresses, terms, code) that did not come back.
 */
function lostContent(
  input: string,
  output: string,
  source: LanguageCode,
  kept: readonly (string | undefined)[],
): SegmentProblem[] {
  const problems: SegmentProblem[] = [];
  const foreign = lostForeignRuns(input, output, source);
  if (foreign.length > 0) problems.push({ code: 'lost-foreign-run', runs: foreign });
  const present = voidsIn(output);
  const runs = kept.flatMap((text, slot) =>
    text !== undefined && !present.has(slot) ? [text] : [],
  );
  if (runs.length > 0) problems.push({ code: 'lost-protected-run', runs });
  return problems;
}

/** The source of a segment as a reader would recognise it, shortened. */
function snippet(segment: SegmentPiece): string {
  const plain = readerText(segment);
  return plain.length > 60 ? `${plain.slice(0, 57)}…` : plain;
}
