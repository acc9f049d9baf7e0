import { planBatches } from '@tidings/translator';
import { type BenchRow, ratioRow } from './bench-row.ts';
import { newsCorpus } from './corpus.ts';
import { median } from './measure.ts';
import {
  type OpusTranslator,
  opusModelsDir,
  opusPipeline,
  opusTokenizer,
  opusTranslator,
  tokenize,
} from './opus-models.ts';
import { OrtGreedy } from './ort-greedy.ts';

/** Sizes of the throughput benchmark. */
export interface ThroughputOptions {
  /** Sentences measured, drawn evenly from the 300-sentence corpus. */
  readonly sentences: number;
  /** Sentences of the per-sentence variant (a), drawn evenly from those. */
  readonly perSentence: number;
  /** New tokens generated per sentence by every variant. */
  readonly newTokens: number;
  readonly runs: number;
  readonly threads: number;
  /** Token budget of a batch, as the translator's TRANSLATE_BATCH_TOKENS; default 4096. */
  readonly batchTokens: number;
}

/** What the later benchmarks reuse: batch sizes, source lengths and the rates measured. */
export interface ThroughputFigures {
  readonly rows: BenchRow[];
  /** Rows of each batch the translator's planner made. */
  readonly batchRows: number[];
  /** Mean source tokens per sentence. */
  readonly sourceTokens: number;
  /** Target tokens/s by variant letter. */
  readonly rates: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'e8', number>;
}

/** `count` items spread evenly over `items` (a stratified sample of the lengths). */
export function spread<T>(items: readonly T[], count: number): T[] {
  const n = Math.min(count, items.length);
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)] as T);
}

/**
 * Target tokens/s of the Opus-MT-sized model en→es over the same sentences and the same
 * number of new tokens per sentence: (a) the pipeline once per sentence; (b) the pipeline
 * given every sentence at once; (c, d) the translator: its `planBatches` (length-sorted
 * within `batchTokens`, on real token counts) and its `ModelPool.translate` (its own greedy
 * loop) with `minNewTokens = maxNewTokens`, fp32 and int8; (e) the encoder and decoder
 * sessions alone over the same batches. The quality gates and the memory are left out: random
 * weights fail the gates, so the `Translator` would retry every segment alone.
 *
 * @example
 * const { rows } = await translatorThroughput({ sentences: 64, perSentence: 16, newTokens: 8, runs: 3, threads: 2, batchTokens: 4096 }, console.log);
 */
export async function translatorThroughput(
  options: ThroughputOptions,
  progress: (line: string) => void,
): Promise<ThroughputFigures> {
  const { newTokens: n, runs, threads } = options;
  const sample = spread(newsCorpus(300), options.sentences);
  const single = spread(sample, options.perSentence);
  const tokenizer = await opusTokenizer();
  // As the translator plans them: on the tokenizer's real counts.
  const counts = sample.map((s) => tokenizer.encode(s).length);
  const batches = planBatches(sample, options.batchTokens, counts).map((b) =>
    b.map((i) => sample[i] ?? ''),
  );
  const generation = { max_new_tokens: n, min_new_tokens: n };
  const sourceTokens =
    sample.reduce((sum, s) => sum + tokenizer.encode(s).length, 0) / Math.max(1, sample.length);
  const warmText = sample.slice(0, 2);
  const rate = (sentences: number, seconds: number) => (sentences * n) / seconds;
  const rates = { a: 0, b: 0, c: 0, d: 0, e: 0, e8: 0 };
  progress(
    `translator: ${sample.length} sentences (mean ${sourceTokens.toFixed(1)} source tokens), ${n} new tokens each, batches of ${batches.map((b) => b.length).join('/')} rows`,
  );

  const fp32 = await opusPipeline('fp32', threads);
  const ours32 = await opusTranslator('fp32', threads);
  const ours8 = await opusTranslator('q8', threads);
  const { onnxDir } = await opusModelsDir();
  const floor32 = await OrtGreedy.open(onnxDir, { quantized: false, threads });
  const floor8 = await OrtGreedy.open(onnxDir, { quantized: true, threads });
  const tokenized = batches.map((b) => tokenize(tokenizer, b));
  const warmBatch = tokenize(tokenizer, warmText);
  const overBatches = (ours: OpusTranslator) => async () => {
    for (const batch of batches) await ours.translate(batch, n);
  };
  const overTokenized = (floor: OrtGreedy) => async () => {
    for (const batch of tokenized) await floor.generate(batch, n);
  };
  const variants: Variant[] = [
    {
      key: 'a',
      label: 'pipeline per sentence',
      count: single.length,
      warmUp: () => fp32(warmText[0] ?? '', generation),
      run: async () => {
        for (const s of single) await fp32(s, generation);
      },
    },
    {
      key: 'b',
      label: 'pipeline, all at once',
      count: sample.length,
      warmUp: () => fp32(warmText, generation),
      run: () => fp32(sample, generation),
    },
    {
      key: 'c',
      label: 'translator batching, fp32',
      count: sample.length,
      warmUp: () => ours32.translate(warmText, n),
      run: overBatches(ours32),
    },
    {
      key: 'd',
      label: 'translator batching, int8',
      count: sample.length,
      warmUp: () => ours8.translate(warmText, n),
      run: overBatches(ours8),
    },
    {
      key: 'e',
      label: 'ORT sessions alone, fp32',
      count: sample.length,
      warmUp: () => floor32.generate(warmBatch, n),
      run: overTokenized(floor32),
    },
    {
      key: 'e8',
      label: 'ORT sessions alone, int8',
      count: sample.length,
      warmUp: () => floor8.generate(warmBatch, n),
      run: overTokenized(floor8),
    },
  ];
  // Interleaved rounds (each variant once per round, the order rotated) so that the load of a
  // shared machine falls on every variant alike; the median of the rounds is kept.
  const seconds = await interleave(variants, runs, progress);
  for (const v of variants) {
    rates[v.key] = rate(v.count, seconds.get(v.key) ?? Number.NaN);
    progress(`  (${v.key}) ${v.label}: ${rates[v.key].toFixed(1)} tokens/s`);
  }
  await Promise.all([fp32.dispose(), ours32.close(), ours8.close()]);
  await Promise.all([floor32.release(), floor8.release()]);

  const section = 'translator';
  const note = `${sample.length} sentences, ${n} new tokens each, ORT_THREADS=${threads}`;
  const rows: BenchRow[] = [
    {
      section,
      name: '(a) pipeline per sentence, fp32',
      value: rates.a,
      unit: 'tokens/s',
      note: `${single.length} of the sentences, ${n} new tokens each`,
    },
    {
      section,
      name: '(b) pipeline, all sentences at once, fp32',
      value: rates.b,
      unit: 'tokens/s',
      note,
    },
    {
      section,
      name: '(c) translator batching, fp32',
      value: rates.c,
      unit: 'tokens/s',
      note: `planBatches(${options.batchTokens}, real token counts) + ModelPool.translate, min=max new tokens`,
    },
    {
      section,
      name: '(d) translator batching, int8',
      value: rates.d,
      unit: 'tokens/s',
      note: 'as (c), dtype q8',
    },
    {
      section,
      name: '(e) floor: ORT sessions, fp32',
      value: rates.e,
      unit: 'tokens/s',
      note: 'own greedy loop with KV cache, same batches',
    },
    {
      section,
      name: '(e8) floor: ORT sessions, int8',
      value: rates.e8,
      unit: 'tokens/s',
      note: 'as (e), *_quantized.onnx',
    },
    ratioRow(section, '(b)/(a)', rates.b / rates.a),
    ratioRow(section, '(c)/(a)', rates.c / rates.a, { op: '>=', value: 5 }),
    ratioRow(section, '(d)/(a)', rates.d / rates.a, { op: '>=', value: 8 }),
    ratioRow(section, '(c)/(e)', rates.c / rates.e, { op: '>=', value: 1.0 }),
    ratioRow(section, '(d)/(e8)', rates.d / rates.e8),
  ];
  return { rows, batchRows: batches.map((b) => b.length), sourceTokens, rates };
}

/** One variant of an interleaved throughput comparison. */
export interface Variant {
  readonly key: 'a' | 'b' | 'c' | 'd' | 'e' | 'e8';
  readonly label: string;
  readonly count: number;
  readonly warmUp: () => Promise<unknown>;
  readonly run: () => Promise<unknown>;
}

/**
 * Runs every variant once to warm up, then `runs` rounds of each once, the order rotated per
 * round so that the load of a shared machine falls on every variant alike; median seconds by key.
 */
export async function interleave(
  variants: readonly Variant[],
  runs: number,
  progress: (line: string) => void,
): Promise<Map<string, number>> {
  for (const v of variants) await v.warmUp();
  const times = new Map<string, number[]>(variants.map((v) => [v.key, []]));
  for (let round = 0; round < runs; round++) {
    for (let i = 0; i < variants.length; i++) {
      const v = variants[(i + round) % variants.length] as Variant;
      const started = performance.now();
      await v.run();
      times.get(v.key)?.push((performance.now() - started) / 1000);
    }
    progress(`  round ${round + 1}/${runs} done`);
  }
  return new Map([...times].map(([k, t]) => [k, median(t)]));
}
