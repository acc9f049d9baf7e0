/**
 * A fresh worker-engine process of the cold-start benchmark: makes the translator's `ModelPool`
 * on the Opus-MT-sized en→es, warms it as a worker with PRELOAD_MODELS does (`ModelPool.warm`,
 * the call `Translator.preload` makes) or not (`lazy`), then translates the seed article once
 * (the first article after the start) and three times more (warm), and reports the times.
 * Argv: `preload|lazy`, dtype, threads, new tokens per sentence.
 */
import { ModelPool, planBatches, type RouteStep } from '@tidings/translator';
import { articleSentences } from './corpus.ts';
import { median } from './measure.ts';
import { OPUS_MODEL, opusModelsDir } from './opus-models.ts';

const [mode = 'preload', dtype = 'fp32', threads = '2', newTokens = '12'] = process.argv.slice(2);
const n = Number(newTokens);
const started = performance.now();
const { modelsDir } = await opusModelsDir();
const pool = new ModelPool({
  modelsDir,
  dtype: dtype === 'q8' ? 'q8' : 'fp32',
  ortThreads: Number(threads),
  cacheSize: 1,
});
const step: RouteStep = { model: OPUS_MODEL, from: 'en', to: 'es' };
if (mode === 'preload') await pool.warm(step);
const readyMs = performance.now() - started;
const sentences = articleSentences('chas-pravdy-jef.txt');

/** The article as the translator sends it to the model: real counts, planned batches. */
async function translateArticle(): Promise<number> {
  const began = performance.now();
  const counts = await pool.countTokens(step, sentences);
  for (const batch of planBatches(sentences, 4096, counts)) {
    await pool.translate(
      step,
      batch.map((i) => sentences[i] ?? ''),
      { minNewTokens: n, maxNewTokens: n },
    );
  }
  return performance.now() - began;
}

const firstMs = await translateArticle();
const warm: number[] = [];
for (let i = 0; i < 3; i++) warm.push(await translateArticle());
await pool.close();
process.send?.({ readyMs, firstMs, warmMs: median(warm), sentences: sentences.length });
process.exit(0);
