import { raggedTargetLength } from '@tidings/test-models';
import { planBatches } from '@tidings/translator';
import { type BenchRow, ratioRow } from './bench-row.ts';
import { newsCorpus } from './corpus.ts';
import {
  type OpusTranslator,
  opusModelsDir,
  opusPipeline,
  opusTokenizer,
  opusTranslator,
  tokenize,
} from './opus-models.ts';
import { OrtGreedy } from './ort-greedy.ts';
import { interleave, spread, type Variant } from './translator-throughput.ts';

/** Sizes of the ragged-length benchmark (as the translator section's). */
export interface RaggedOptions {
  readonly sentences: number;
  readonly runs: number;
  readonly threads: number;
  readonly batchTokens: number;
}

/**
 * (b), (c), (d) and (e) of the translator section on the ragged Opus-MT-sized variant, whose
 * rows end after a length drawn from their source length (`raggedTargetLength`: about 1.1× the
 * source, ±20%), so that rows of one batch finish apart as a trained model's do: (b) the
 * pipeline given every sentence, which keeps finished rows in its batch until the longest
 * ends; (c, d) the translator's batching and greedy loop, which drops them, fp32 and int8, with
 * no fixed length (its own bound); (e) the ORT sessions alone over the translator's batches,
 * every row kept to the batch's longest. Rates count the target tokens the model writes
 * (`raggedTargetLength` per sentence, end of sentence not counted), the same for every variant.
 * Target: (c)/(b) ≥ 2.0.
 *
 * @example
 * const rows = await raggedThroughput({ sentences: 300, runs: 3, threads: 2, batchTokens: 4096 }, console.log);
 */
export async function raggedThroughput(
  options: RaggedOptions,
  progress: (line: string) => void,
): Promise<BenchRow[]> {
  const { runs, threads } = options;
  const kind = 'opus-ragged';
  const sample = spread(newsCorpus(300), options.sentences);
  const tokenizer = await opusTokenizer(kind);
  const counts = sample.map((s) => tokenizer.encode(s).length);
  const targets = counts.map(raggedTargetLength);
  const tokens = targets.reduce((a, b) => a + b, 0);
  const plan = planBatches(sample, options.batchTokens, counts);
  const batches = plan.map((b) => b.map((i) => sample[i] ?? ''));
  const longest = plan.map((b) => Math.max(...b.map((i) => targets[i] ?? 0)) + 1);
  const mean = tokens / Math.max(1, sample.length);
  progress(
    `ragged: ${sample.length} sentences, ${tokens} target tokens (mean ${mean.toFixed(1)}, ${Math.min(...targets)}–${Math.max(...targets)}), batches of ${batches.map((b) => b.length).join('/')} rows`,
  );
  const pipe = await opusPipeline('fp32', threads, kind);
  const ours32 = await opusTranslator('fp32', threads, kind);
  const ours8 = await opusTranslator('q8', threads, kind);
  const { onnxDir } = await opusModelsDir(kind);
  const floor32 = await OrtGreedy.open(onnxDir, { quantized: false, threads });
  const tokenized = batches.map((b) => tokenize(tokenizer, b));
  const warmText = sample.slice(0, 2);
  const maxNew = Math.min(512, 2 * Math.max(...counts) + 10);
  const overBatches = (ours: OpusTranslator) => async () => {
    for (const batch of batches) await ours.translate(batch);
  };
  const variants: Variant[] = [
    {
      key: 'b',
      label: 'pipeline, all at once',
      count: 1,
      warmUp: () => pipe(warmText, { max_new_tokens: maxNew }),
      run: () => pipe(sample, { max_new_tokens: maxNew }),
    },
    {
      key: 'c',
      label: 'translator batching, fp32',
      count: 1,
      warmUp: () => ours32.translate(warmText),
      run: overBatches(ours32),
    },
    {
      key: 'd',
      label: 'translator batching, int8',
      count: 1,
      warmUp: () => ours8.translate(warmText),
      run: overBatches(ours8),
    },
    {
      key: 'e',
      label: 'ORT sessions alone, rows kept to the longest',
      count: 1,
      warmUp: () => floor32.generate(tokenize(tokenizer, warmText), 2),
      run: async () => {
        for (const [k, batch] of tokenized.entries())
          await floor32.generate(batch, longest[k] ?? 1);
      },
    },
  ];
  const seconds = await interleave(variants, runs, progress);
  const rates: Record<string, number> = {};
  for (const v of variants) {
    rates[v.key] = tokens / (seconds.get(v.key) ?? Number.NaN);
    progress(`  ragged (${v.key}) ${v.label}: ${rates[v.key]?.toFixed(1)} tokens/s`);
  }
  await Promise.all([pipe.dispose(), ours32.close(), ours8.close(), floor32.release()]);
  const section = 'ragged';
  const rate = (key: string) => rates[key] ?? Number.NaN;
  const note = `${sample.length} sentences, ${tokens} target tokens, ends ~1.1× source ±20%`;
  return [
    {
      section,
      name: '(b) pipeline, all sentences at once, fp32',
      value: rate('b'),
      unit: 'tokens/s',
      note: 'finished rows stay in the batch',
    },
    {
      section,
      name: '(c) translator batching, fp32',
      value: rate('c'),
      unit: 'tokens/s',
      note: `planBatches(${options.batchTokens}) + ModelPool.translate, finished rows dropped`,
    },
    {
      section,
      name: '(d) translator batching, int8',
      value: rate('d'),
      unit: 'tokens/s',
      note: 'as (c), dtype q8',
    },
    {
      section,
      name: '(e) ORT sessions alone, fp32',
      value: rate('e'),
      unit: 'tokens/s',
      note: 'same batches, every row to the longest of its batch',
    },
    ratioRow(
      section,
      '(c)/(b) on ragged lengths',
      rate('c') / rate('b'),
      { op: '>=', value: 2 },
      note,
    ),
    ratioRow(section, '(d)/(b) on ragged lengths', rate('d') / rate('b')),
    ratioRow(section, '(c)/(e) on ragged lengths', rate('c') / rate('e')),
  ];
}
