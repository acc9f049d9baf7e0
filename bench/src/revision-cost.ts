import { randomUUID } from 'node:crypto';
import type { ArticleContent } from '@tidings/core';
import { createRedisConnection, whenReady } from '@tidings/queue';
import { type BenchRow, ratioRow } from './bench-row.ts';
import { articleOfWords } from './corpus.ts';
import { dictionaryTranslator } from './dictionary-translator.ts';
import { median } from './measure.ts';

/**
 * Time to re-translate a 20-paragraph article after one paragraph changed, over the time of
 * its first translation, en→es through the real translator on the dictionary test models with
 * the translation memory in the real Redis (a fresh key prefix per run, deleted afterwards).
 *
 * @example
 * const rows = await revisionCost({ runs: 5, redisUrl: 'redis://127.0.0.1:6379' }, console.log);
 */
export async function revisionCost(
  options: { runs: number; redisUrl: string },
  progress: (line: string) => void,
): Promise<BenchRow[]> {
  const redis = createRedisConnection(options.redisUrl, 'producer');
  await whenReady(redis);
  const paragraphs = articleOfWords(2000).body.split('\n').slice(0, 20);
  const article: ArticleContent = {
    title: 'Revision bench',
    summary: '',
    body: paragraphs.join('\n'),
    categories: [],
  };
  const revised: ArticleContent = {
    ...article,
    body: paragraphs
      .map((p, i) => (i === 10 ? p.replace('</p>', ' The minister said more on Friday.</p>') : p))
      .join('\n'),
  };
  const first: number[] = [];
  const again: number[] = [];
  let calls = '';
  for (let run = 0; run <= options.runs; run++) {
    const prefix = `bench:${randomUUID()}:tm:`;
    const translator = await dictionaryTranslator({ redis, prefix });
    // Run 0 is the warm-up (models loaded, code paths compiled); it is not counted.
    let started = performance.now();
    await translator.translateArticle(article, 'en', ['es']);
    const firstMs = performance.now() - started;
    const before = translator.stats.modelSegments;
    started = performance.now();
    await translator.translateArticle(revised, 'en', ['es']);
    const againMs = performance.now() - started;
    if (run > 0) {
      first.push(firstMs);
      again.push(againMs);
    }
    calls = `${translator.stats.modelSegments - before} of ${before} segments went to the model again`;
    await translator.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
  }
  redis.disconnect();
  const ratio = median(again) / median(first);
  progress(
    `  revision: first ${median(first).toFixed(0)} ms, after one change ${median(again).toFixed(0)} ms (${calls})`,
  );
  const section = 'revision';
  return [
    {
      section,
      name: 'first translation, 20 paragraphs en→es',
      value: median(first),
      unit: 'ms',
      note: 'dictionary models, memory in Redis',
    },
    {
      section,
      name: 're-translation after one paragraph changed',
      value: median(again),
      unit: 'ms',
      note: calls,
    },
    ratioRow(section, 'revision cost (re-translation / first)', ratio, { op: '<=', value: 0.15 }),
  ];
}
