import { expect, it } from 'vitest';
import type { Database, Queryable } from './database.ts';
import { ConflictError, NotFoundError } from './errors.ts';
import { describeStore, sampleContent } from './test-harness.ts';

describeStore('articles', (env) => {
  async function count(table: string, articleId?: string): Promise<number> {
    const [row] = await env.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table}${articleId ? ' WHERE article_id = $1' : ''}`,
      articleId ? [articleId] : [],
    );
    return row?.n ?? -1;
  }

  it('stores the article, revision 1, the live source and five queued translations at once', async () => {
    const content = sampleContent();
    const write = await env.store.createArticle({
      publisherKeyId: await env.publisher(),
      sourceLanguage: 'uk',
      content,
    });
    const { article } = write;
    expect(write).toMatchObject({ created: true, revised: true });
    expect(article).toMatchObject({
      sourceLanguage: 'uk',
      revision: 1,
      retractedAt: null,
      content,
    });
    expect(article.slug).toMatch(/^ukraina-otrymala-status-rozshyrenoho-partnera-jef-\d+$/);
    expect(article.languages.map((l) => [l.language, l.status])).toEqual([
      ['en', 'queued'],
      ['es', 'queued'],
      ['de', 'queued'],
      ['fr', 'queued'],
      ['it', 'queued'],
      ['uk', 'published'],
    ]);
    expect(write.requests).toEqual(
      ['en', 'es', 'de', 'fr', 'it'].map((language) => ({
        articleId: article.id,
        revision: 1,
        language,
      })),
    );
    const requests = await env.db.query<{ state: string }>(
      'SELECT state FROM translation_requests WHERE article_id = $1',
      [article.id],
    );
    expect(requests.map((r) => r.state)).toEqual(Array(5).fill('pending'));
    expect(await env.store.getArticleBySlug(article.slug)).toEqual(article);
    expect((await env.store.getTranslation(article.id, 'uk')).content).toEqual(content);
  });

  it("writes a new article's rows as a revision of it writes them, but for the revision", async () => {
    // createArticle writes revision 1 in one statement; reviseArticle goes through
    // writeRevision and settleLiveVersion. The rows they leave must agree, column by column.
    const publisherKeyId = await env.publisher();
    const content = sampleContent({
      categories: ['Оборона', 'Політика'],
      image: { url: 'https://example.org/a.jpg', alt: 'Прапор' },
    });
    const created = await env.store.createArticle({
      publisherKeyId,
      sourceLanguage: 'uk',
      content: sampleContent(),
    });
    await env.store.reviseArticle(created.article.id, content, publisherKeyId);
    const direct = await env.store.createArticle({ publisherKeyId, sourceLanguage: 'uk', content });
    const rows = async (articleId: string) => {
      const translations = await env.db.query<Record<string, unknown>>(
        'SELECT * FROM translations WHERE article_id = $1 ORDER BY language',
        [articleId],
      );
      const requests = await env.db.query<Record<string, unknown>>(
        `SELECT language, state, attempts, retry, enqueued_at, done_at FROM translation_requests
          WHERE article_id = $1 AND state <> 'done' ORDER BY language`,
        [articleId],
      );
      const revision = await env.db.query<Record<string, unknown>>(
        `SELECT publisher_key_id, title, summary, body, categories, image_url, image_alt
           FROM revisions WHERE article_id = $1 ORDER BY revision DESC LIMIT 1`,
        [articleId],
      );
      // What differs by nature: the article, the revision number, when, and the slug.
      const skip = new Set(['article_id', 'revision', 'content_revision', 'slug']);
      return {
        translations: translations.map((row) =>
          Object.fromEntries(
            Object.entries(row)
              .filter(([k]) => !skip.has(k))
              .map(([k, v]) => [k, v instanceof Date ? 'a time' : v]),
          ),
        ),
        requests,
        revision,
      };
    };
    expect(await rows(direct.article.id)).toEqual(await rows(created.article.id));
    // The article it returns is built from the rows it wrote, not read back: it must be
    // what reading it gives, for an article with an image, categories and fewer languages.
    expect(direct.article).toEqual(await env.store.getArticle(direct.article.id));
    const some = await env.store.createArticle({
      publisherKeyId,
      sourceLanguage: 'en',
      content: sampleContent({ title: 'Fewer languages', categories: ['Defence'] }),
      languages: ['de', 'en', 'uk'],
    });
    expect(some.article).toEqual(await env.store.getArticle(some.article.id));
    expect(some.article.languages.map((l) => l.language)).toEqual(['en', 'de', 'uk']);
    const [own] = await env.db.query<{ slug: string }>(
      "SELECT slug FROM translations WHERE article_id = $1 AND language = 'uk'",
      [direct.article.id],
    );
    expect(own?.slug).toBe(direct.article.slug);
    const categories = await env.db.query<{ slug: string }>(
      "SELECT slug FROM categories WHERE language = 'uk' AND name = ANY($1) ORDER BY slug",
      [['Оборона', 'Політика']],
    );
    expect(categories.map((c) => c.slug)).toEqual(['oborona', 'polityka']);
  });

  it('writes a new article without an external id or a chosen slug in one statement, in no transaction', async () => {
    const publisherKeyId = await env.publisher();
    const db = env.db;
    const calls: string[] = [];
    const { query, transaction } = db;
    db.query = <Row>(text: string, params?: readonly unknown[]) => {
      calls.push('query');
      return query.call<Database, [string, (readonly unknown[])?], Promise<Row[]>>(
        db,
        text,
        params,
      );
    };
    db.transaction = <T>(work: (tx: Queryable) => Promise<T>) => {
      calls.push('transaction');
      return transaction.call<Database, [(tx: Queryable) => Promise<T>], Promise<T>>(db, work);
    };
    try {
      const content = sampleContent({ title: 'One statement' });
      const first = await env.store.createArticle({
        publisherKeyId,
        sourceLanguage: 'uk',
        content,
      });
      const second = await env.store.createArticle({
        publisherKeyId,
        sourceLanguage: 'uk',
        content,
      });
      expect([first.article.slug, second.article.slug]).toEqual([
        'one-statement',
        'one-statement-2',
      ]);
      expect(calls).toEqual(['query', 'query']);
      expect(second.article).toEqual(await env.store.getArticle(second.article.id));
      // A derived slug found taken (here: chosen by another post) takes the transactional way.
      calls.length = 0;
      await env.store.createArticle({
        publisherKeyId,
        sourceLanguage: 'uk',
        slug: 'one-statement-3',
        content,
      });
      const third = await env.store.createArticle({
        publisherKeyId,
        sourceLanguage: 'uk',
        content,
      });
      expect(third.article.slug).toBe('one-statement-4');
      expect(calls).toEqual(['transaction', 'query', 'transaction']);
    } finally {
      db.query = query;
      db.transaction = transaction;
    }
  });

  it('leaves nothing behind when the transaction fails after the outbox was written', async () => {
    // A real failure inside the database, on the last row the transaction writes.
    await env.db.exec(`
      CREATE FUNCTION fail_on_uk_request() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.language = 'uk' THEN RAISE EXCEPTION 'simulated crash'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER fail_on_uk_request BEFORE INSERT ON translation_requests
        FOR EACH ROW EXECUTE FUNCTION fail_on_uk_request();`);
    const before = await Promise.all(
      ['articles', 'revisions', 'translations', 'translation_requests'].map((t) => count(t)),
    );
    try {
      const content = sampleContent({ title: 'Doomed article' });
      await expect(
        env.store.createArticle({
          publisherKeyId: await env.publisher(),
          sourceLanguage: 'en',
          content,
        }),
      ).rejects.toThrow(/simulated crash/);
      const after = await Promise.all(
        ['articles', 'revisions', 'translations', 'translation_requests'].map((t) => count(t)),
      );
      expect(after).toEqual(before);
      await expect(env.store.getArticleBySlug('doomed-article')).rejects.toThrow(NotFoundError);
    } finally {
      await env.db.exec(
        'DROP TRIGGER fail_on_uk_request ON translation_requests; DROP FUNCTION fail_on_uk_request();',
      );
    }
  });

  it('returns the same article unchanged when a publisher reposts identical content', async () => {
    const publisherKeyId = await env.publisher();
    const content = sampleContent();
    const first = await env.store.createArticle({
      publisherKeyId,
      externalId: 'cms-42',
      sourceLanguage: 'uk',
      content,
    });
    const again = await env.store.createArticle({
      publisherKeyId,
      externalId: 'cms-42',
      sourceLanguage: 'uk',
      content: { ...content, categories: [...content.categories] },
    });
    expect(again).toMatchObject({ created: false, revised: false, requests: [] });
    expect(again.article).toEqual(first.article);
    expect(await count('translation_requests', first.article.id)).toBe(5);
  });

  it('makes a changed repost of the same external id a new revision', async () => {
    const publisherKeyId = await env.publisher();
    const first = await env.store.createArticle({
      publisherKeyId,
      externalId: 'cms-43',
      sourceLanguage: 'uk',
      content: sampleContent(),
    });
    const changed = sampleContent({ title: 'Оновлено' });
    const second = await env.store.createArticle({
      publisherKeyId,
      externalId: 'cms-43',
      sourceLanguage: 'uk',
      content: changed,
    });
    expect(second).toMatchObject({ created: false, revised: true });
    expect(second.article).toMatchObject({ id: first.article.id, revision: 2, content: changed });
    expect(second.article.slug).toBe(first.article.slug);
  });

  it('keeps external ids apart per publisher key', async () => {
    const other = (await env.store.createKey({ name: 'other desk', role: 'publisher' })).id;
    const a = await env.store.createArticle({
      publisherKeyId: await env.publisher(),
      externalId: 'shared-1',
      sourceLanguage: 'de',
      content: sampleContent(),
    });
    const b = await env.store.createArticle({
      publisherKeyId: other,
      externalId: 'shared-1',
      sourceLanguage: 'de',
      content: sampleContent(),
    });
    expect(b.created).toBe(true);
    expect(b.article.id).not.toBe(a.article.id);
  });

  it('creates one article when the same external id is posted concurrently', async () => {
    const publisherKeyId = await env.publisher();
    const content = sampleContent();
    const writes = await Promise.all(
      Array.from({ length: 4 }, () =>
        env.store.createArticle({
          publisherKeyId,
          externalId: 'race-1',
          sourceLanguage: 'fr',
          content,
        }),
      ),
    );
    expect(new Set(writes.map((w) => w.article.id)).size).toBe(1);
    expect(writes.filter((w) => w.created)).toHaveLength(1);
    expect(writes.every((w) => w.article.revision === 1)).toBe(true);
  });

  it('re-queues every language on revision, and marks an editor’s correction stale', async () => {
    const publisherKeyId = await env.publisher();
    const { article } = await env.store.createArticle({
      publisherKeyId,
      sourceLanguage: 'uk',
      content: sampleContent(),
    });
    await env.store.recordTranslationResult({
      articleId: article.id,
      language: 'en',
      revision: 1,
      model: 'test',
      status: 'published',
      content: { title: 'Ukraine', summary: '', body: '<p>Ukraine</p>', categories: ['Defence'] },
    });
    const editor = (await env.store.createKey({ name: 'editor', role: 'editor' })).id;
    const edit = { title: 'Ucrania', summary: '', body: '<p>Ucrania</p>', categories: ['Defensa'] };
    await env.store.editTranslation(article.id, 'es', edit, editor);

    const changed = sampleContent({ title: 'Друга редакція' });
    const write = await env.store.reviseArticle(article.id, changed, publisherKeyId);
    expect(write.revised).toBe(true);
    expect(write.requests.map((r) => [r.language, r.revision])).toEqual(
      ['en', 'es', 'de', 'fr', 'it'].map((l) => [l, 2]),
    );
    const status = Object.fromEntries(write.article.languages.map((l) => [l.language, l]));
    expect(status.uk).toMatchObject({ status: 'published', revision: 2, contentRevision: 2 });
    expect(status.en).toMatchObject({ status: 'queued', revision: 2, contentRevision: 1 });
    expect(status.es).toMatchObject({ status: 'stale', revision: 2, contentRevision: 1 });
    expect((await env.store.getTranslation(article.id, 'es')).content).toMatchObject(edit);
    // The English of revision 1 stays readable until revision 2's arrives.
    expect((await env.store.getTranslation(article.id, 'en')).content?.title).toBe('Ukraine');
    expect(write.article.content).toEqual(changed);

    const repeat = await env.store.reviseArticle(article.id, changed, publisherKeyId);
    expect(repeat).toMatchObject({ revised: false, requests: [] });
    expect(repeat.article.revision).toBe(2);
  });

  it('retracts an article: once, and no revision afterwards', async () => {
    const publisherKeyId = await env.publisher();
    const { article } = await env.store.createArticle({
      publisherKeyId,
      sourceLanguage: 'it',
      content: sampleContent(),
    });
    const retracted = await env.store.retractArticle(article.id);
    expect(retracted.retractedAt).toBeInstanceOf(Date);
    expect((await env.store.retractArticle(article.id)).retractedAt).toEqual(retracted.retractedAt);
    const open = await env.db.query(
      `SELECT 1 FROM translation_requests WHERE article_id = $1 AND state <> 'done'`,
      [article.id],
    );
    expect(open).toHaveLength(0);
    await expect(
      env.store.reviseArticle(article.id, sampleContent(), publisherKeyId),
    ).rejects.toThrow(ConflictError);
  });

  it('answers NotFoundError for unknown ids and slugs', async () => {
    await expect(env.store.getArticle('00000000-0000-4000-8000-000000000000')).rejects.toThrow(
      NotFoundError,
    );
    await expect(env.store.getArticle('nonsense')).rejects.toThrow(NotFoundError);
    await expect(env.store.getArticleBySlug('no-such-slug')).rejects.toThrow(NotFoundError);
    await expect(env.store.retractArticle('nonsense')).rejects.toThrow(NotFoundError);
  });
});
