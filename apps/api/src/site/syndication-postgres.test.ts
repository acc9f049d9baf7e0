import { randomBytes } from 'node:crypto';
import { createLogger } from '@tidings/core';
import { openStore, type Store } from '@tidings/store';
// The store's driver, used here only to make and drop a private schema for the test.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedContent } from '../testing/site-harness.ts';
import { Syndication } from './syndication.ts';

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function admin(sql: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query(sql);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const schema = `t_${randomBytes(6).toString('hex')}`;
const unavailable = await admin(`CREATE SCHEMA ${schema}`);
if (unavailable && process.env.CI) throw new Error(`PostgreSQL at ${DATABASE_URL}: ${unavailable}`);

describe.skipIf(unavailable !== undefined)('two API processes on one PostgreSQL', () => {
  const logger = createLogger({ logLevel: 'silent', logFormat: 'json' }, 'test');
  let a: Store;
  let b: Store;
  let publisherKeyId: string;

  beforeAll(async () => {
    const url = new URL(DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    a = await openStore({ dataDir: '/nonexistent', databaseUrl: url.toString(), logger });
    b = await openStore({ dataDir: '/nonexistent', databaseUrl: url.toString(), logger });
    publisherKeyId = (await b.createKey({ name: 'newsroom', role: 'publisher' })).id;
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
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
