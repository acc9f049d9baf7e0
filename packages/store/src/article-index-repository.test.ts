import type { LanguageCode } from '@tidings/core';
import { expect, it } from 'vitest';
import { InvalidCursorError } from './errors.ts';
import { describeStore, type StoreEnv, sampleContent } from './test-harness.ts';

/** A Ukrainian article whose languages end as asked; the rest stay queued. */
async function article(
  env: StoreEnv,
  title: string,
  states: Partial<Record<LanguageCode, 'published' | 'needs_review' | 'failed'>>,
  publisherKeyId?: string,
) {
  const { article } = await env.store.createArticle({
    publisherKeyId: publisherKeyId ?? (await env.publisher()),
    sourceLanguage: 'uk',
    content: sampleContent({ title }),
  });
  for (const [language, status] of Object.entries(states) as [LanguageCode, string][]) {
    const key = { articleId: article.id, language, revision: 1 };
    if (status === 'failed')
      await env.store.recordTranslationFailure({ ...key, reason: 'no model' });
    else
      await env.store.recordTranslationResult({
        ...key,
        model: 'test',
        status: status === 'needs_review' ? 'needs_review' : 'published',
        content: { title: `${title} ${language}`, summary: '', body: '<p>x</p>', categories: [] },
      });
  }
  return article;
}

describeStore('the editors listing', (env) => {
  it('lists exactly the articles with a German draft awaiting review, page by page', async () => {
    const marker = `Огляд ${Date.now()}`;
    const wanted = [];
    for (let i = 0; i < 5; i++) {
      wanted.unshift(
        (await article(env, `${marker} ${i}`, { de: 'needs_review', en: 'published' })).id,
      );
      await article(env, `${marker} other ${i}`, { de: 'published', fr: 'needs_review' });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await env.store.listArticles({
        status: 'needs_review',
        language: 'de',
        query: marker,
        limit: 3,
        cursor,
      });
      pages++;
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toEqual(wanted);
  });

  it('shows each language state and counts the target versions per state', async () => {
    const marker = `Підрахунок ${Date.now()}`;
    const a = await article(env, marker, { en: 'published', de: 'failed', es: 'needs_review' });
    const page = await env.store.listArticles({ query: marker, limit: 10 });
    expect(page.items.map((i) => i.id)).toEqual([a.id]);
    const row = page.items[0];
    expect(row?.title).toBe(marker);
    expect(row?.sourceLanguage).toBe('uk');
    expect(Object.fromEntries(row?.languages.map((l) => [l.language, l.status]) ?? [])).toEqual({
      en: 'published',
      es: 'needs_review',
      de: 'failed',
      fr: 'queued',
      it: 'queued',
      uk: 'published',
    });
    expect(page.counts).toMatchObject({ published: 1, needs_review: 1, failed: 1, queued: 2 });
    const german = await env.store.listArticles({ query: marker, language: 'de', limit: 10 });
    expect(german.counts).toMatchObject({ failed: 1, published: 0, queued: 0 });
  });

  it('finds titles whatever their case and accents, in any language', async () => {
    const a = await article(env, `Їжак Ёлка ${Date.now()}`, {});
    await env.store.recordTranslationResult({
      articleId: a.id,
      language: 'es',
      revision: 1,
      model: 'test',
      status: 'published',
      content: { title: 'Éxito del erizo', summary: '', body: '<p>x</p>', categories: [] },
    });
    const ids = async (query: string) =>
      (await env.store.listArticles({ query, limit: 10 })).items.map((i) => i.id);
    expect(await ids('exito DEL')).toContain(a.id);
    expect(await ids('ЇЖАК')).toContain(a.id);
    // Title words, not a phrase: each of them, in any order, in one language's title.
    expect(await ids('erizo  EXITO')).toContain(a.id);
    expect(await ids('erizo ёлка')).not.toContain(a.id);
    expect(await ids('100%')).not.toContain(a.id);
  });

  it("lists one publisher's articles only when asked", async () => {
    const other = (await env.store.createKey({ name: 'other desk', role: 'publisher' })).id;
    const marker = `Видавець ${Date.now()}`;
    const mine = await article(env, `${marker} a`, {});
    const theirs = await article(env, `${marker} b`, {}, other);
    const all = await env.store.listArticles({ query: marker, limit: 10 });
    expect(all.items.map((i) => i.id)).toEqual([theirs.id, mine.id]);
    const only = await env.store.listArticles({ query: marker, publisherKeyId: other, limit: 10 });
    expect(only.items.map((i) => i.id)).toEqual([theirs.id]);
  });

  it('leaves retracted articles out', async () => {
    const marker = `Відкликана ${Date.now()}`;
    const a = await article(env, marker, {});
    await env.store.retractArticle(a.id);
    expect((await env.store.listArticles({ query: marker, limit: 10 })).items).toEqual([]);
  });

  it('refuses a cursor it did not make', async () => {
    await expect(env.store.listArticles({ limit: 10, cursor: 'garbage' })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
  });
});
