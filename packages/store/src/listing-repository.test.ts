import type { LanguageCode } from '@tidings/core';
import { expect, it } from 'vitest';
import { InvalidCursorError } from './errors.ts';
import { describeStore, type StoreEnv, sampleContent } from './test-harness.ts';

async function publish(env: StoreEnv, category: string, title: string, languages: LanguageCode[]) {
  const { article } = await env.store.createArticle({
    publisherKeyId: await env.publisher(),
    sourceLanguage: 'uk',
    content: sampleContent({ title, categories: [category] }),
  });
  for (const language of languages) {
    await env.store.recordTranslationResult({
      articleId: article.id,
      language,
      revision: 1,
      model: 'test',
      status: 'published',
      content: {
        title: `${title} (${language})`,
        summary: '',
        body: '<p>x</p>',
        categories: [category],
      },
    });
  }
  return article;
}

describeStore('listing', (env) => {
  it('lists the live versions of a language, newest first, with their other languages', async () => {
    const a = await publish(env, 'order', 'Перша', ['en']);
    const b = await publish(env, 'order', 'Друга', ['en', 'de']);
    const c = await publish(env, 'order', 'Третя', []);
    const en = await env.store.listPublished('en', { limit: 10, category: 'order' });
    expect(en.items.map((i) => i.id)).toEqual([b.id, a.id]);
    expect(en.items[0]).toMatchObject({
      language: 'en',
      slug: 'druha-en',
      slugs: { en: 'druha-en', de: 'druha-de', uk: b.slug },
      sourceLanguage: 'uk',
      status: 'published',
      languages: ['en', 'de', 'uk'],
      content: { title: 'Друга (en)', image: { url: 'https://example.org/shmyhal.jpg' } },
    });
    expect(en.nextCursor).toBeNull();
    const uk = await env.store.listPublished('uk', { limit: 10, category: 'order' });
    expect(uk.items.map((i) => i.id)).toEqual([c.id, b.id, a.id]);
  });

  it('pages through with a cursor, without gaps or repeats', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.unshift((await publish(env, 'paged', `Стаття ${i}`, [])).id);
    const seen: string[] = [];
    let before: string | undefined;
    for (let page = 0; page < 5; page++) {
      const result = await env.store.listPublished('uk', { limit: 3, category: 'paged', before });
      seen.push(...result.items.map((i) => i.id));
      if (!result.nextCursor) break;
      before = result.nextCursor;
    }
    expect(seen).toEqual(ids);
    await expect(
      env.store.listPublished('uk', { limit: 3, before: 'not-a-cursor' }),
    ).rejects.toThrow(InvalidCursorError);
  });

  it('drops a retracted article from every listing', async () => {
    const kept = await publish(env, 'retract', 'Лишається', ['en']);
    const gone = await publish(env, 'retract', 'Відкликана', ['en']);
    await env.store.retractArticle(gone.id);
    for (const language of ['uk', 'en'] as const) {
      const page = await env.store.listPublished(language, { limit: 10, category: 'retract' });
      expect(page.items.map((i) => i.id)).toEqual([kept.id]);
    }
  });

  it("changes a language's listing version with every change its feeds show, and only then", async () => {
    // French is live nowhere else in this file: its version starts empty.
    const empty = await env.store.listingVersion('fr');
    expect(empty).toEqual({ key: 'empty', changedAt: new Date(0) });
    const article = await publish(env, 'version', 'Версія', ['fr']);
    const live = await env.store.listingVersion('fr');
    expect(live.key).not.toBe(empty.key);
    expect(live.changedAt.getTime()).toBeGreaterThan(0);
    expect(await env.store.listingVersion('fr')).toEqual(live);

    // Another article live in other languages only adds an hreflang to no French entry, but
    // any new live language of any article does: the count of all live versions is in the key.
    await publish(env, 'version', 'Інша', ['en']);
    const elsewhere = await env.store.listingVersion('fr');
    expect(elsewhere.key).not.toBe(live.key);

    const editor = (await env.store.createKey({ name: 'desk', role: 'editor' })).id;
    await env.store.editTranslation(
      article.id,
      'fr',
      { title: 'Version corrigée', summary: '', body: '<p>y</p>', categories: ['version'] },
      editor,
    );
    const corrected = await env.store.listingVersion('fr');
    expect(corrected.key).not.toBe(elsewhere.key);
    expect(corrected.changedAt.getTime()).toBeGreaterThanOrEqual(elsewhere.changedAt.getTime());

    await env.store.retractArticle(article.id);
    const retracted = await env.store.listingVersion('fr');
    expect(retracted.key).not.toBe(corrected.key);
    expect(retracted.changedAt.getTime()).toBeGreaterThanOrEqual(corrected.changedAt.getTime());
    expect(await env.store.listingVersion('fr')).toEqual(retracted);
  });

  // PGlite has one process by design: only PostgreSQL has another to ask.
  it.skipIf(env.backend.name !== 'postgres')(
    'reads the listing version from the tables, so another process sees a write at once',
    async () => {
      const before = await env.store.listingVersion('it');
      const other = await env.openAnother();
      try {
        const { article } = await other.createArticle({
          publisherKeyId: await env.publisher(),
          sourceLanguage: 'uk',
          content: sampleContent({ title: 'Інший процес', categories: ['process'] }),
        });
        await other.recordTranslationResult({
          articleId: article.id,
          language: 'it',
          revision: 1,
          model: 'test',
          status: 'published',
          content: { title: 'Altro processo', summary: '', body: '<p>x</p>', categories: [] },
        });
      } finally {
        await other.close();
      }
      expect((await env.store.listingVersion('it')).key).not.toBe(before.key);
    },
  );

  it('serves a page of 10,000 articles from the index', async () => {
    const publisher = await env.publisher();
    // Bulk rows straight in SQL: creating 10,000 articles one by one would test nothing more.
    await env.db.exec(`
      INSERT INTO articles (id, publisher_key_id, source_language, slug)
        SELECT gen_random_uuid(), '${publisher}', 'en', 'bulk-' || g FROM generate_series(1, 10000) g;
      INSERT INTO revisions (article_id, revision, publisher_key_id, title, summary, body)
        SELECT id, 1, publisher_key_id, slug, '', '<p>x</p>' FROM articles WHERE slug LIKE 'bulk-%';
      INSERT INTO translations (article_id, language, revision, status, title, summary, body,
                                categories, content_revision, published_at, content_updated_at)
        SELECT id, l, 1, 'published', slug, '', '<p>x</p>', '["bulk"]', 1,
               now() + interval '1 year' - substr(slug, 6)::int * interval '1 minute', now()
          FROM articles, unnest(ARRAY['en', 'de']) AS l WHERE slug LIKE 'bulk-%';
      ANALYZE;`);
    const started = performance.now();
    const first = await env.store.listPublished('de', { limit: 50 });
    const second = await env.store.listPublished('de', {
      limit: 50,
      before: first.nextCursor ?? undefined,
    });
    const elapsed = performance.now() - started;
    expect(first.items[0]?.slug).toBe('bulk-1');
    expect(second.items[0]?.slug).toBe('bulk-51');
    expect(second.items[0]?.languages).toEqual(['en', 'de']);
    expect(elapsed).toBeLessThan(1000);
    const plan = await env.db.query<Record<string, string>>(
      `EXPLAIN SELECT article_id FROM translations t
        WHERE language = 'de' AND published_at IS NOT NULL
        ORDER BY published_at DESC, article_id DESC LIMIT 50`,
    );
    expect(plan.map((row) => Object.values(row).join('')).join('\n')).toContain(
      'translations_live_idx',
    );
  });
});
