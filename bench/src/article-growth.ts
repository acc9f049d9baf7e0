import { Glossary, planArticle, planBatches } from '@tidings/translator';
import type { BenchRow } from './bench-row.ts';
import { articleOfWords } from './corpus.ts';
import { measure } from './measure.ts';
import { opusTranslator } from './opus-models.ts';

/**
 * Target tokens/s on articles of about 100, 1,000 and 5,000 words, en→es on the
 * Opus-MT-sized model fp32: the translator's own segmentation (`planArticle`, distinct
 * segments) and batching (`planBatches`), then its `ModelPool.translate` with a fixed number
 * of new tokens per segment (see translator-throughput.ts).
 *
 * @example
 * const rows = await articleGrowth({ words: [100, 1000], newTokens: 12, runs: 3, threads: 2, batchTokens: 4096 }, console.log);
 */
export async function articleGrowth(
  options: {
    words: readonly number[];
    newTokens: number;
    runs: number;
    threads: number;
    batchTokens: number;
  },
  progress: (line: string) => void,
): Promise<BenchRow[]> {
  const n = options.newTokens;
  const opus = await opusTranslator('fp32', options.threads);
  const rows: BenchRow[] = [];
  const rates: number[] = [];
  for (const words of options.words) {
    const { title, body } = articleOfWords(words);
    const plan = planArticle(
      { title, summary: '', body, categories: [] },
      'en',
      Glossary.EMPTY,
      1000,
    );
    const texts = [...new Set(plan.segments.filter((s) => s.translate).map((s) => s.encoded.text))];
    const batches = planBatches(texts, options.batchTokens).map((b) =>
      b.map((i) => texts[i] ?? ''),
    );
    // The largest article is timed fewer times: it alone would take most of the budget.
    const runs = words >= 5000 ? Math.min(options.runs, 2) : options.runs;
    const seconds = await measure(
      async () => {
        for (const batch of batches) await opus.translate(batch, n);
      },
      { runs, warmUp: () => opus.translate(texts.slice(0, 4), n) },
    );
    const rate = (texts.length * n) / seconds;
    rates.push(rate);
    progress(
      `  growth ${words} words: ${texts.length} segments, ${batches.length} batches, ${rate.toFixed(1)} tokens/s`,
    );
    rows.push({
      section: 'growth',
      name: `${words.toLocaleString('en')}-word article, en→es fp32`,
      value: rate,
      unit: 'tokens/s',
      note: `${texts.length} segments in ${batches.length} batches, ${n} new tokens each, median of ${runs}`,
    });
  }
  await opus.close();
  return rows;
}
