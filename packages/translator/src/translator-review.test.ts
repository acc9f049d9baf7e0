import { ensureTestModels } from '@tidings/test-models';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchEvent } from './segment-translator.ts';
import { Translator } from './translator.ts';

// The Opus-MT-sized model has random weights: its output is fluent-looking noise, which is
// exactly what the quality gates are for.
const PREFIX = `test:translator-review:${process.pid}:${Date.now()}:`;
let redis: Redis;
let modelsDir: string;
let translator: Translator | undefined;

beforeAll(async () => {
  redis = new Redis('redis://127.0.0.1:6379');
  modelsDir = (await ensureTestModels({ kinds: ['opus-sized'] })).opusSizedModelsDir;
}, 300_000);

afterAll(async () => {
  await translator?.close();
  const keys = await redis.keys(`${PREFIX}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

describe('Translator quality gates on a model that talks nonsense', () => {
  it('retries a failing segment alone, then flags the article for review and keeps it out of the memory', async () => {
    const batches: BatchEvent[] = [];
    translator = new Translator({
      modelsDir,
      redis,
      dtype: 'q8',
      ortThreads: 2,
      memory: { prefix: PREFIX },
      onBatch: (b) => batches.push(b),
    });
    const body = '<p>The <a href="https://example.org/">minister</a> said on 5 November.</p>';
    const content = { title: '', summary: '', body, categories: [] };
    const result = (await translator.translateArticle(content, 'en', ['es'])).get('es');
    // The link's words go alone in the sentence's batch (to place the link); only the sentence
    // is retried.
    expect(batches.map((b) => [b.texts, b.retry])).toEqual([
      [['The <g1> minister </g1> said on 5 November.', 'minister'], false],
      [['The <g1> minister </g1> said on 5 November.'], true],
    ]);
    // A gate's problem, whichever the model's output shows.
    expect(result?.needsReview).toEqual([
      expect.objectContaining({
        code: expect.stringMatching(
          /^(placeholder-\w+|empty-translation|number-missing|repetition-loop|length-ratio)$/,
        ),
        segment: 'The minister said on 5 November.',
      }),
    ]);
    // Whatever the model wrote, the markup that comes back is well formed and the link kept
    // (put back where the source had it when the model lost it), around some text.
    expect(result?.content.body).toMatch(
      /^<p>[^<]*<a href="https:\/\/example.org\/">[^<]+<\/a>[^<]*<\/p>$/,
    );
    expect(translator.stats).toMatchObject({ retries: 1, flagged: 1 });
    // Not remembered: the next attempt goes to the model again.
    await translator.translateArticle(content, 'en', ['es']);
    expect(batches).toHaveLength(4);
  }, 300_000);

  it('with gates: false (benchmarks only) takes the output as written: no retry, no review, nothing remembered', async () => {
    await translator?.close();
    const batches: BatchEvent[] = [];
    translator = new Translator({
      modelsDir,
      redis,
      dtype: 'q8',
      ortThreads: 2,
      memory: { prefix: `${PREFIX}off:` },
      onBatch: (b) => batches.push(b),
      gates: false,
    });
    const body = '<p>The <a href="https://example.org/">minister</a> said on 5 November.</p>';
    const content = { title: '', summary: '', body, categories: [] };
    const result = (await translator.translateArticle(content, 'en', ['es'])).get('es');
    expect(batches.map((b) => b.retry)).toEqual([false]);
    expect(result?.needsReview).toEqual([]);
    expect(result?.content.body).toMatch(
      /^<p>[^<]*<a href="https:\/\/example.org\/">[^<]+<\/a>[^<]*<\/p>$/,
    );
    expect(translator.stats).toMatchObject({ retries: 0, flagged: 0 });
    expect(await redis.keys(`${PREFIX}off:*`)).toEqual([]);
  }, 300_000);
});
