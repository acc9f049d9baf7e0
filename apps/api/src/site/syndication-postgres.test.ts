import { createLogger } from '@tidings/core';
import { openStore, type Store } from '@tidings/store';
import { postgresAvailable, privateSchema } from '@tidings/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedContent } from '../testing/site-harness.ts';
import { Syndication } from './syndication.ts';

const available = await postgresAvailable('the two-process syndication test');
const schema = available ? await privateSchema('t') : undefined;

describe.skipIf(!schema)('two API processes on one PostgreSQL', () => {
  const logger = createLogger({ logLevel: 'silent', logFormat: 'json' }, 'test');
  let a: Store;
  let b: Store;
  let publisherKeyId: string;

  beforeAll(async () => {
    const databaseUrl = schema?.url;
    a = await openStore({ dataDir: '/nonexistent', databaseUrl, logger });
    b = await openStore({ dataDir: '/nonexistent', databaseUrl, logger });
    publisherKeyId = (await b.createKey({ name: 'newsroom', role: 'publisher' })).id;
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await schema?.drop();
  });

  it("sees the other process's publication and retraction without being told", async () => {
    const syndication = new Syndication({
      store: a,
      publicUrl: 'http://news.test',
      logger,
      versionTtlMs: 0,
    });
    expect((await syndication.feed('fr', 'atom')).body).not.toContain('<entry');
    const rendersBefore = syndication.renders;
    await syndication.feed('fr', 'atom');
    expect(syndication.renders).toBe(rendersBefore);

    const { article } = await b.createArticle({
      publisherKeyId,
      sourceLanguage: 'fr',
      content: {
        ...seedContent('chas-pravdy-jef.txt'),
        title: 'L’Ukraine obtient un nouveau statut',
      },
    });
    expect((await syndication.feed('fr', 'atom')).body).toContain(
      'L’Ukraine obtient un nouveau statut',
    );

    await b.recordTranslationResult({
      articleId: article.id,
      language: 'it',
      revision: 1,
      content: {
        title: 'L’Ucraina ottiene un nuovo status',
        summary: '',
        body: '<p>x</p>',
        categories: [],
      },
      model: 'test/dictionary',
      status: 'published',
    });
    // Italian going live adds an alternate to the French entry, though French did not change.
    expect((await syndication.feed('fr', 'atom')).body).toContain('hreflang="it"');

    await b.retractArticle(article.id);
    expect((await syndication.feed('fr', 'atom')).body).not.toContain('<entry');
  });

  it('notices within a second by default, and at once through onChange', async () => {
    const syndication = new Syndication({ store: a, publicUrl: 'http://news.test', logger });
    await syndication.feed('de', 'json');
    const { article } = await b.createArticle({
      publisherKeyId,
      sourceLanguage: 'de',
      content: {
        ...seedContent('jef-extended-partner.txt'),
        title: 'Die Ukraine tritt der JEF bei',
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await syndication.feed('de', 'json')).body).toContain('Die Ukraine tritt der JEF bei');

    // Read (and so trusted for a second) before the other process edits it.
    expect((await syndication.feed('en', 'json')).body).not.toContain('Ukraine joins the JEF');
    await b.editTranslation(
      article.id,
      'en',
      { title: 'Ukraine joins the JEF', summary: '', body: '<p>x</p>', categories: [] },
      (await b.createKey({ name: 'desk', role: 'editor' })).id,
    );
    await syndication.onChange(article.id);
    expect((await syndication.feed('en', 'json')).body).toContain('Ukraine joins the JEF');
  });
});
