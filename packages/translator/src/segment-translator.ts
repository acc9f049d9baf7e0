import { planBatches } from './batch-planner.ts';
import type { RouteStep } from './model-map.ts';
import type { ModelPool } from './model-pool.ts';
import { type PairSpan, pairSpans, placePairs, withoutPlaceholders } from './pair-placement.ts';
import { decodeSegment, placeholderTag, type Slot } from './placeholder-codec.ts';
import { type MarkupRepair, repairSegment } from './placeholder-repair.ts';
import { lostForeignRuns } from './protected-runs.ts';
import { checkTranslation } from './quality-gate.ts';
import type { SegmentProblem } from './review-reason.ts';
import type { TranslationMemory } from './translation-memory.ts';

/** A segment to translate: the model input and what its placeholders stand for. */
export interface SegmentInput {
  readonly text: string;
  readonly slots: readonly Slot[];
}

/** A translated segment; `problem` is set when it failed the quality gates even when retried. */
export interface SegmentOutput {
  readonly text: string;
  readonly problem?: SegmentProblem | undefined;
  readonly origin: 'memory' | 'model';
}

/** One batch sent to a model, as observed by tests, logs and metrics. */
export interface BatchEvent {
  readonly model: string;
  readonly from: string;
  readonly to: string;
  readonly texts: readonly string[];
  /** True for the batch-of-one retry of a segment that failed the gates. */
  readonly retry: boolean;
}

/** Counters since the translator was made; a test reads them to see what reached the model. */
export interface TranslatorStats {
  /** Batches run by any model. */
  modelCalls: number;
  /**
   * Segments sent to any model (a retried segment counts twice), and the words of pairs
   * translated alone to place them.
   */
  modelSegments: number;
  /** Segments answered by the translation memory's machine entries. */
  memoryHits: number;
  /** Segments (per target language) answered by an editor's wording in the memory: no model asked. */
  humanMemoryHits: number;
  /** Segments retried alone after failing the gates. */
  retries: number;
  /** Segments still failing after their retry. */
  flagged: number;
  /** Per model id. */
  byModel: Record<string, { calls: number; segments: number }>;
}

/** How segments are batched and observed. */
export interface SegmentTranslatorOptions {
  /** Token budget of one batch, rows × longest row (TRANSLATE_BATCH_TOKENS); default 4096. */
  readonly batchTokens?: number | undefined;
  /** Called before every model batch. */
  readonly onBatch?: ((event: BatchEvent) => void) | undefined;
  /**
   * For benchmarks only: `false` takes every model output as written (placeholders repaired),
   * without the quality gates, the lone retry, storing it in the memory or translating the words
   * of its pairs alone (a random-weight model of real size fails every gate).
   * No configuration variable sets it; default true.
   */
  readonly gates?: boolean | undefined;
  /**
   * For benchmarks only: every segment writes exactly this many tokens (`minNewTokens =
   * maxNewTokens`), as the bench's translator sections run. No configuration variable sets it.
   */
  readonly newTokens?: number | undefined;
}

/**
 * Translates the segments of one route step: deduplicates them, asks the memory, runs the
 * rest through the model in length-sorted batches within the token budget, checks each output
 * with the quality gates, retries failures alone once, and stores what passed.
 *
 * @example
 * const out = await segments.translate(step, [{ text: 'Hello.', slots: [] }]);
 * out.get('Hello.'); // { text: 'Hola.', origin: 'model' }
 */
export class SegmentTranslator {
  readonly stats: TranslatorStats = {
    modelCalls: 0,
    modelSegments: 0,
    memoryHits: 0,
    humanMemoryHits: 0,
    retries: 0,
    flagged: 0,
    byModel: {},
  };
  readonly #pool: ModelPool;
  readonly #memory: TranslationMemory | undefined;
  readonly #options: SegmentTranslatorOptions;

  constructor(
    pool: ModelPool,
    memory: TranslationMemory | undefined,
    options: SegmentTranslatorOptions = {},
  ) {
    this.#pool = pool;
    this.#memory = memory;
    this.#options = options;
  }

  /**
   * Translates distinct segment texts with one step; `progress` is told how many segments
   * each batch (or memory lookup) settled.
   */
  async translate(
    step: RouteStep,
    inputs: readonly SegmentInput[],
    progress?: (settled: number) => void,
  ): Promise<Map<string, SegmentOutput>> {
    const distinct = new Map<string, readonly Slot[]>();
    for (const input of inputs)
      if (!distinct.has(input.text)) distinct.set(input.text, input.slots);
    const texts = [...distinct.keys()];
    const results = new Map<string, SegmentOutput>();
    const key = (text: string) => ({ model: step.model, from: step.from, to: step.to, text });
    const stored = this.#memory ? await this.#memory.get(texts.map(key)) : [];
    const misses: string[] = [];
    texts.forEach((text, i) => {
      const hit = stored[i];
      if (hit === undefined) misses.push(text);
      else results.set(text, { text: hit, origin: 'memory' });
    });
    this.stats.memoryHits += texts.length - misses.length;
    if (texts.length > misses.length) progress?.(texts.length - misses.length);

    const passed: { text: string; translation: string }[] = [];
    // The words inside each pair of a segment the model will translate, translated alone in
    // the segment's batch (or found in the memory), show where the pair belongs.
    const spansOf = new Map<string, PairSpan[]>();
    if (this.#options.gates !== false) {
      for (const text of misses) {
        const spans = pairSpans(text, distinct.get(text) ?? []);
        if (spans.length > 0) spansOf.set(text, spans);
      }
    }
    const spanTranslations = new Map<string, string>();
    const spanTexts = [...new Set([...spansOf.values()].flat().map((s) => s.text))];
    if (spanTexts.length > 0 && this.#memory) {
      const known = await this.#memory.get(spanTexts.map(key));
      spanTexts.forEach((text, i) => {
        const hit = known[i];
        if (hit !== undefined) spanTranslations.set(text, hit);
      });
    }
    const spanSent = new Set(spanTranslations.keys());
    const spansFor = (text: string) =>
      (spansOf.get(text) ?? []).flatMap((s) => {
        const translation = spanTranslations.get(s.text);
        return translation === undefined ? [] : [{ slot: s.slot, translation, inner: s.inner }];
      });
    // Real token counts fill each batch to its budget; a rough guess (about 2x too high for
    // news English) left batches half empty. One segment needs no plan.
    const counts = misses.length > 1 ? await this.#pool.countTokens(step, misses) : undefined;
    const rows =
      spansOf.size > 0 ? misses.map((t) => 1 + (spansOf.get(t)?.length ?? 0)) : undefined;
    for (const batch of planBatches(misses, this.#options.batchTokens ?? 4096, counts, rows)) {
      const batchTexts = batch.map((i) => misses[i] ?? '');
      const spanRows = [
        ...new Set(batchTexts.flatMap((t) => (spansOf.get(t) ?? []).map((s) => s.text))),
      ].filter((t) => !spanSent.has(t));
      for (const t of spanRows) spanSent.add(t);
      const outputs = await this.#run(step, [...batchTexts, ...spanRows], false);
      for (const [i, text] of spanRows.entries()) {
        const translation = outputs[batchTexts.length + i] ?? '';
        // Only the words count: a term or tag inside them is placed with the whole sentence.
        if (check(step, withoutPlaceholders(text), withoutPlaceholders(translation), [])) continue;
        spanTranslations.set(text, translation);
        passed.push({ text, translation });
      }
      for (const [i, text] of batchTexts.entries()) {
        const slots = distinct.get(text) ?? [];
        if (this.#options.gates === false) {
          // Markup still comes back as well formed as the repair makes it; nothing is judged.
          results.set(text, {
            text: judge(step, text, outputs[i] ?? '', slots).output,
            origin: 'model',
          });
          continue;
        }
        const spans = spansFor(text);
        let verdict = judge(step, text, outputs[i] ?? '', slots, spans);
        if (verdict.problem) {
          // Alone, without padding neighbours, and forbidding the loop if there was one.
          this.stats.retries++;
          const { problem } = verdict;
          const loop = problem.code === 'repetition-loop';
          const [again = ''] = await this.#run(step, [text], true, loop ? 4 : undefined);
          verdict = judge(step, text, again, slots, spans);
          if (verdict.problem) this.stats.flagged++;
        }
        const { output, problem } = verdict;
        results.set(text, { text: output, problem, origin: 'model' });
        if (!problem) passed.push({ text, translation: output });
      }
      progress?.(batchTexts.length);
    }
    await this.#memory?.set(passed.map((p) => ({ ...key(p.text), translation: p.translation })));
    return results;
  }

  async #run(
    step: RouteStep,
    texts: string[],
    retry: boolean,
    noRepeat?: number,
  ): Promise<string[]> {
    // The Ukrainian apostrophe ʼ (U+02BC) is missing from Opus-MT vocabularies (their corpora
    // spell it ’ or '), so a model writes <unk> for it and spells the word wrong: it sees ’.
    texts = texts.map((t) => t.replaceAll('\u02BC', '\u2019'));
    this.#options.onBatch?.({ model: step.model, from: step.from, to: step.to, texts, retry });
    this.stats.modelCalls++;
    this.stats.modelSegments += texts.length;
    const perModel = this.stats.byModel[step.model] ?? { calls: 0, segments: 0 };
    this.stats.byModel[step.model] = perModel;
    perModel.calls++;
    perModel.segments += texts.length;
    const n = this.#options.newTokens;
    return this.#pool.translate(step, texts, {
      noRepeatNgramSize: noRepeat,
      ...(n ? { minNewTokens: n, maxNewTokens: n } : {}),
    });
  }
}

/** A pair's source words translated alone: where the pair belongs in the translation. */
type SpanTranslation = {
  readonly slot: number;
  readonly translation: string;
  readonly inner: readonly number[];
};

/**
 * An output as it goes on: when its placeholders cannot be trusted, repaired (and the repair
 * is the problem, unless the repaired text fails another gate); otherwise as the model wrote
 * it, with what the gates find wrong. Either way, a pair around the wrong words is moved to
 * wrap the translation of its source words when that occurs once (see `placePairs`), and a
 * pair the repair placed by guess is narrowed to them.
 */
function judge(
  step: RouteStep,
  input: string,
  output: string,
  slots: readonly Slot[],
  spans: readonly SpanTranslation[] = [],
): { output: string; problem?: SegmentProblem | undefined } {
  // Also when the placeholders decode: a pair left empty or a void put after the sentence
  // would drop a link or move an image silently.
  const decodes = decodeSegment(output, slots).ok;
  const pair = slots.findIndex((s) => s.kind === 'pair');
  let repairs: readonly MarkupRepair[] = [];
  if (!decodes || slots.length > 0) {
    const repaired = repairSegment(output, input, slots);
    if (repaired && (!decodes || repaired.repairs.length > 0)) {
      output = repaired.text;
      repairs = repaired.repairs;
    } else if (!repaired && pair >= 0) {
      // No words to hang a pair on: whatever it held is lost, never published unreviewed.
      const problem = check(step, input, output, slots);
      return { output, problem: problem ?? { code: 'placeholder-missing', placeholder: pair + 1 } };
    }
  }
  if (spans.length > 0 && decodeSegment(output, slots).ok) {
    // A pair already repaired keeps its one note; one the model put around the wrong words is moved.
    const noted = new Set(repairs.map((r) => r.placeholder));
    // Put back or moved by the repair (not merely renumbered): its place is a guess.
    const guess = new Set(
      repairs.filter((r) => r.how === 'restored' || r.how === 'moved').map((r) => r.placeholder),
    );
    const guessed = slots.flatMap((_, slot) =>
      guess.has(placeholderTag('open', slot)) || guess.has(placeholderTag('close', slot))
        ? [slot]
        : [],
    );
    const placed = placePairs(output, slots, spans, guessed);
    output = placed.text;
    repairs = [...repairs, ...placed.repairs.filter((r) => !noted.has(r.placeholder))];
  }
  const problem = check(step, input, output, slots);
  if (repairs.length > 0)
    return { output, problem: problem ?? { code: 'markup-repaired', repairs } };
  return { output, problem };
}

/** The quality gates, then the lost-content gate: what is wrong with one output, if anything. */
function check(
  step: RouteStep,
  input: string,
  output: string,
  slots: readonly Slot[],
): SegmentProblem | undefined {
  const gate = checkTranslation(input, output, slots);
  if (gate) return gate;
  const lost = lostForeignRuns(input, output, step.from);
  return lost.length > 0 ? { code: 'lost-foreign-run', runs: lost } : undefined;
}
