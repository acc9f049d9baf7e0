import type { LanguageCode } from '@tidings/core';
import { expect, it } from 'vitest';
import { describeStore, type StoreEnv, sampleContent } from './test-harness.ts';

async function publish(env: StoreEnv, title: string, languages: LanguageCode[]) {
  const { article } = await env.store.createArticle({
    publisherKeyId: await env.publisher(),
    sourceLanguage: 'uk',
    content: sampleContent({ title }),
  });
  for (const language of languages) {
    await env.store.recordTranslationResult({
      articleId: article.id,
      language,
      revision: 1,
      model: 'test',
      status: 'published',
      content: { title: `${title} (${language})`, summary: '', body: '<p>x</p>', categories: [] },
    });
  }
  return article;
}

describeStore('sitemaps', (env) => {
  it('lists every live article once with each live version, and leaves retracted ones out', async () => {
    const a = await publish(env, 'Перша', ['en', 'de']);
    const b = await publish(env, 'Друга', []);
    const gone = await publish(env, 'Відкликана', ['en']);
    await env.store.retractArticle(gone.id);
    expect(await env.store.countLiveArticles()).toBe(2);
    const all = await env.store.listLiveArticles({ offset: 0, limit: 10 });
    expect(all.map((x) => x.id)).toEqual([a.id, b.id]);
    expect(all[0]?.versions.map((v) => [v.language, v.title])).toEqual([
      ['en', 'Перша (en)'],
      ['de', 'Перша (de)'],
      ['uk', 'Перша'],
    ]);
    expect(all[0]?.versions[0]?.publishedAt).toBeInstanceOf(Date);
    const second = await env.store.listLiveArticles({ offset: 1, limit: 10 });
    expect(second.map((x) => x.id)).toEqual([b.id]);
  });

  it('lists the articles first published in a language since a moment, newest first', async () => {
    const before = new Date(Date.now() - 1000);
    const c = await publish(env, 'Третя', ['es']);
    const d = await publish(env, 'Четверта', ['es']);
    expect((await env.store.listPublishedSince('es', before)).map((x) => x.id)).toEqual([
      d.id,
      c.id,
    ]);
    expect(await env.store.listPublishedSince('es', new Date(Date.now() + 60_000))).toEqual([]);
  });
});
