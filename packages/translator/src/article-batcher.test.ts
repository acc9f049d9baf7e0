import type { ArticleContent } from '@tidings/core';
import { ensureTestModels } from '@tidings/test-models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleBatcher } from './article-batcher.ts';
import { TranslationInputError } from './errors.ts';
import type { BatchEvent } from './segment-translator.ts';
import { Translator } from './translator.ts';

let modelsDir: string;
const translators: Translator[] = [];

beforeAll(async () => {
  modelsDir = (await ensureTestModels({ kinds: ['dictionary'] })).dictionaryModelsDir;
}, 120_000);

afterAll(async () => {
  await Promise.all(translators.map((t) => t.close()));
});

function make(options: { maxArticleChars?: number } = {}) {
  const batches: BatchEvent[] = [];
  const translator = new Translator({
    modelsDir,
    ortThreads: 1,
    onBatch: (event) => batches.push(event),
    ...options,
  });
  translators.push(translator);
  return { translator, batches };
}

const article = (title: string, body: string): ArticleContent => ({
  title,
  summary: '',
  body,
  categories: [],
});

const ARTICLES = [
  article('Ukraine', '<p>The minister said that Ukraine will win.</p>'),
  article('The minister', '<p>Kyiv is the capital of Ukraine.</p>'),
  article('The war', '<p>The president met the minister in Kyiv.</p>'),
  article('Odesa', '<p>The government said that the war will end.</p>'),
];

describe('ArticleBatcher', () => {
  it('translates the articles that arrive while it is busy together, each to its own result', async () => {
    const alone = make();
    const expected = [];
    for (const a of ARTICLES)
      expected.push(await alone.translator.translateArticle(a, 'en', ['es']));

    const { translator, batches } = make();
    const batcher = new ArticleBatcher(translator);
    const results = await Promise.all(
      ARTICLES.map((a) => batcher.translateArticle(a, 'en', ['es'])),
    );
    expect(results.map((r) => r.get('es')?.content)).toEqual(
      expected.map((r) => r.get('es')?.content),
    );
    // The first starts alone at once; the three that waited share one group and its batches.
    expect(batcher.stats).toEqual({ groups: 2, articles: 4 });
    expect(batches.filter((b) => !b.retry)).toHaveLength(2);
  });

  it('fails only the article at fault, and still translates the others', async () => {
    const { translator } = make({ maxArticleChars: 200 });
    const batcher = new ArticleBatcher(translator);
    const tooLong = article('Ukraine', `<p>${'Ukraine and the war. '.repeat(20)}</p>`);
    const [first, faulty, last] = await Promise.allSettled([
      batcher.translateArticle(ARTICLES[0] as ArticleContent, 'en', ['de']),
      batcher.translateArticle(tooLong, 'en', ['de']),
      batcher.translateArticle(ARTICLES[1] as ArticleContent, 'en', ['de']),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(faulty).toMatchObject({ status: 'rejected', reason: expect.any(TranslationInputError) });
    expect(last).toMatchObject({ status: 'fulfilled' });
    expect((last as PromiseFulfilledResult<Map<string, unknown>>).value.has('de')).toBe(true);
  });

  it("groups by direction, oldest first, so a language never waits for another one's group", async () => {
    const { translator, batches } = make();
    const batcher = new ArticleBatcher(translator);
    const order: string[] = [];
    const ask = (a: ArticleContent, target: 'es' | 'de') =>
      batcher.translateArticle(a, 'en', [target]).then((r) => {
        order.push(`${target}:${r.get(target)?.content.title}`);
      });
    const [a, b, c, d] = ARTICLES as [
      ArticleContent,
      ArticleContent,
      ArticleContent,
      ArticleContent,
    ];
    await Promise.all([ask(a, 'es'), ask(b, 'de'), ask(c, 'es'), ask(d, 'de')]);
    // [a] at once; then the oldest waiting direction, en→de, with both of its articles; then c.
    expect(batcher.stats).toEqual({ groups: 3, articles: 4 });
    expect(order).toEqual(['es:Ucrania', 'de:Die minister', 'de:Odesa', 'es:El war']);
    expect(batches.map((x) => `${x.to}:${x.texts.length}`)).toEqual(['es:2', 'de:4', 'es:2']);
  });

  it('drops an article withdrawn while it waits, and translates the rest', async () => {
    const { translator } = make();
    const batcher = new ArticleBatcher(translator);
    const [a, b, c] = ARTICLES as [ArticleContent, ArticleContent, ArticleContent];
    const withdrawn = new AbortController();
    const asked = [
      batcher.translateArticle(a, 'en', ['es']),
      batcher.translateArticle(b, 'en', ['es'], { signal: withdrawn.signal }),
      batcher.translateArticle(c, 'en', ['es']),
    ];
    withdrawn.abort(new Error('lock lost'));
    const [first, dropped, last] = await Promise.allSettled(asked);
    expect(dropped).toMatchObject({ status: 'rejected', reason: new Error('lock lost') });
    expect(first?.status).toBe('fulfilled');
    expect(last?.status).toBe('fulfilled');
    // a ran alone; c alone after it: b never reached the translator.
    expect(batcher.stats).toEqual({ groups: 2, articles: 2 });
  });
});
