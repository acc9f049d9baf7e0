import { Glossary, planArticle, planBatches } from '@tidings/translator';
import { type BenchRow, ratioRow } from './bench-row.ts';
import { articleOfWords } from './corpus.ts';
import { measure } from './measure.ts';
import { type OpusTranslator, opusTranslator } from './opus-models.ts';

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
    const texts = segmentsOf(articleOfWords(words));
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
  rows.push(...(await crossArticle(opus, options, progress)));
  await opus.close();
  return rows;
}

/**
 * Ten 100-word articles (the size where batches are thinnest) one at a time, as a worker
 * holding one job would translate them, against all ten in one group, as the worker's engine
 * does with the jobs of one direction it holds (`ArticleBatcher` → `translateArticles`: the
 * distinct segments of the group planned into batches together).
 */
async function crossArticle(
  opus: OpusTranslator,
  options: { newTokens: number; runs: number; batchTokens: number },
  progress: (line: string) => void,
): Promise<BenchRow[]> {
  const n = options.newTokens;
  const articles = Array.from({ length: 10 }, (_, salt) =>
    segmentsOf(articleOfWords(100, salt * 7)),
  );
  const plan = (texts: readonly string[]) =>
    planBatches(texts, options.batchTokens).map((b) => b.map((i) => texts[i] ?? ''));
  const alone = articles.map(plan);
  const union = [...new Set(articles.flat())];
  const together = plan(union);
  const segments = articles.reduce((sum, a) => sum + a.length, 0);
  const warmUp = () => opus.translate(union.slice(0, 4), n);
  const oneByOne = await measure(
    async () => {
      for (const batches of alone) for (const batch of batches) await opus.translate(batch, n);
    },
    { runs: options.runs, warmUp },
  );
  const grouped = await measure(
    async () => {
      for (const batch of together) await opus.translate(batch, n);
    },
    { runs: options.runs, warmUp },
  );
  const rate = (count: number, seconds: number) => (count * n) / seconds;
  const [a, b] = [rate(segments, oneByOne), rate(union.length, grouped)];
  progress(
    `  growth 10 × 100 words: one at a time ${a.toFixed(1)}, together ${b.toFixed(1)} tokens/s`,
  );
  const section = 'growth';
  return [
    {
      section,
      name: '10 × 100-word articles, one at a time',
      value: a,
      unit: 'tokens/s',
      note: `${segments} segments in ${alone.flat().length} batches`,
    },
    {
      section,
      name: '10 × 100-word articles, one group',
      value: b,
      unit: 'tokens/s',
      note: `${union.length} distinct segments in ${together.length} batches`,
    },
    ratioRow(section, 'one group / one at a time', b / a),
  ];
}

/** The distinct segments the translator would send for an article. */
function segmentsOf(article: { title: string; body: string }): string[] {
  const plan = planArticle({ ...article, summary: '', categories: [] }, 'en', Glossary.EMPTY, {
    maxChars: 1000,
  });
  return [...new Set(plan.segments.filter((s) => s.translate).map((s) => s.encoded.text))];
}
