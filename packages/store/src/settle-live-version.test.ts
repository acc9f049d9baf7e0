import { expect, it } from 'vitest';
import { describeStore, sampleContent } from './test-harness.ts';

describeStore('language slugs and categories', (env) => {
  it('gives each language version its own slug from its title when it goes live, and keeps it', async () => {
    const { article } = await env.store.createArticle({
      publisherKeyId: await env.publisher(),
      sourceLanguage: 'en',
      content: sampleContent({ title: 'Ukraine joins the JEF', categories: ['Defence'] }),
    });
    const before = await env.store.getArticle(article.id);
    expect(before.languages.find((l) => l.language === 'en')?.slug).toBe(article.slug);
    expect(before.languages.find((l) => l.language === 'uk')?.slug).toBeNull();
    const uk = {
      title: 'Україна приєдналася до JEF',
      summary: '',
      body: '<p>x</p>',
      categories: ['Оборона'],
    };
    await env.store.recordTranslationResult({
      articleId: article.id,
      language: 'uk',
      revision: 1,
      model: 'test',
      status: 'published',
      content: uk,
    });
    const after = await env.store.getArticle(article.id);
    const slug = after.languages.find((l) => l.language === 'uk')?.slug;
    expect(slug).toBe('ukraina-pryiednalasia-do-jef');
    await env.store.editTranslation(
      article.id,
      'uk',
      { ...uk, title: 'Інший заголовок' },
      (await env.store.createKey({ name: 'desk', role: 'editor' })).id,
    );
    const edited = await env.store.getArticle(article.id);
    expect(edited.languages.find((l) => l.language === 'uk')?.slug).toBe(slug);
    expect((await env.store.getArticleBySlug(slug ?? '')).id).toBe(article.id);
    expect((await env.store.getArticleBySlug(article.slug)).id).toBe(article.id);
    const [listed] = (await env.store.listPublished('uk', { limit: 1 })).items;
    expect(listed?.slug).toBe(slug);
    expect(listed?.slugs).toEqual({ en: article.slug, uk: slug });
    expect(listed?.legacyEntryId).toBe(false);
  });

  it('keeps a category, under its slug in each language, after its last article is retracted', async () => {
    const { article } = await env.store.createArticle({
      publisherKeyId: await env.publisher(),
      sourceLanguage: 'uk',
      content: sampleContent({ title: 'Рубрика', categories: ['Економіка'] }),
    });
    expect(await env.store.findCategory('uk', 'ekonomika')).toEqual({
      language: 'uk',
      slug: 'ekonomika',
      name: 'Економіка',
    });
    await env.store.retractArticle(article.id);
    expect((await env.store.findCategory('uk', 'ekonomika'))?.name).toBe('Економіка');
    expect(await env.store.findCategory('en', 'ekonomika')).toBeNull();
  });
});
