import type { LanguageCode } from '@tidings/core';
import { expect, it } from 'vitest';
import type { Database } from './database.ts';
import { describeStore, sampleContent } from './test-harness.ts';

describeStore('new articles posted at once', (env) => {
  /** Counts the statements sent outside transactions while `work` runs. */
  async function statements<T>(work: () => Promise<T>): Promise<{ result: T; count: number }> {
    const db = env.db;
    const { query } = db;
    let count = 0;
    db.query = <Row>(text: string, params?: readonly unknown[]) => {
      count++;
      return query.call<Database, [string, (readonly unknown[])?], Promise<Row[]>>(
        db,
        text,
        params,
      );
    };
    try {
      return { result: await work(), count };
    } finally {
      db.query = query;
    }
  }

  const post = async (title: string, sourceLanguage: LanguageCode = 'en') =>
    env.store.createArticle({
      publisherKeyId: await env.publisher(),
      sourceLanguage,
      content: sampleContent({ title }),
    });

  it('writes them in one statement, numbered in the order posted, each as reading it back gives it', async () => {
    await env.publisher();
    const titles = ['Batch news', 'Batch weather', 'Batch news', 'Batch news', 'Batch weather'];
    const { result: writes, count } = await statements(() =>
      Promise.all(titles.map((t) => post(t))),
    );
    expect(count).toBe(1);
    expect(writes.map((w) => w.article.slug)).toEqual([
      'batch-news',
      'batch-weather',
      'batch-news-2',
      'batch-news-3',
      'batch-weather-2',
    ]);
    for (const write of writes) {
      expect(write).toMatchObject({ created: true, revised: true });
      expect(write.article).toEqual(await env.store.getArticle(write.article.id));
      expect(write.requests.map((r) => [r.articleId, r.revision, r.language])).toEqual(
        ['es', 'de', 'fr', 'it', 'uk'].map((language) => [write.article.id, 1, language]),
      );
    }
    const pending = await env.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM translation_requests
        WHERE article_id = ANY($1::uuid[]) AND state = 'pending'`,
      [writes.map((w) => w.article.id)],
    );
    expect(pending).toEqual([{ n: 25 }]);
    const counters = await env.db.query<{ base: string; last: number }>(
      "SELECT base, last FROM slug_bases WHERE base LIKE 'batch-%' ORDER BY base",
    );
    expect(counters).toEqual([
      { base: 'batch-news', last: 3 },
      { base: 'batch-weather', last: 2 },
    ]);
  });

  it('fails only the article that fails: the others posted with it are stored', async () => {
    await env.db.exec(`
      CREATE FUNCTION fail_doomed_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.title = 'Doomed in a batch' THEN RAISE EXCEPTION 'simulated crash'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER fail_doomed_revision BEFORE INSERT ON revisions
        FOR EACH ROW EXECUTE FUNCTION fail_doomed_revision();`);
    try {
      await env.publisher();
      const outcomes = await Promise.allSettled(
        ['Survivor one', 'Doomed in a batch', 'Survivor two'].map((t) => post(t)),
      );
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/simulated crash/);
      for (const outcome of outcomes) {
        if (outcome.status !== 'fulfilled') continue;
        expect(outcome.value.article).toEqual(await env.store.getArticle(outcome.value.article.id));
      }
      const doomed = await env.db.query(
        "SELECT 1 FROM articles WHERE slug LIKE 'doomed-in-a-batch%'",
      );
      expect(doomed).toEqual([]);
    } finally {
      await env.db.exec(
        'DROP TRIGGER fail_doomed_revision ON revisions; DROP FUNCTION fail_doomed_revision();',
      );
    }
  });

  it('sends only an article whose derived slug is taken the transactional way', async () => {
    const publisherKeyId = await env.publisher();
    await env.store.createArticle({
      publisherKeyId,
      sourceLanguage: 'en',
      slug: 'taken-in-a-batch',
      content: sampleContent({ title: 'Chosen slug' }),
    });
    const writes = await Promise.all(['Free in a batch', 'Taken in a batch'].map((t) => post(t)));
    expect(writes.map((w) => w.article.slug)).toEqual(['free-in-a-batch', 'taken-in-a-batch-2']);
    expect(writes[1]?.article).toEqual(await env.store.getArticle(writes[1]?.article.id ?? ''));
  });

  it.runIf(env.backend.name === 'postgres')(
    'lets two API instances post under the same headlines at once, without a deadlock',
    async () => {
      const publisherKeyId = await env.publisher();
      const other = await env.openAnother();
      try {
        const titles = ['Shared alpha', 'Shared beta', 'Shared gamma'];
        const from = (store: typeof other, order: string[]) =>
          Array.from({ length: 12 }, (_, i) =>
            store.createArticle({
              publisherKeyId,
              sourceLanguage: 'en',
              content: sampleContent({ title: order[i % order.length] ?? '' }),
            }),
          );
        const writes = await Promise.all([
          ...from(env.store, titles),
          ...from(other, [...titles].reverse()),
        ]);
        const slugs = writes.map((w) => w.article.slug);
        expect(new Set(slugs).size).toBe(24);
        for (const base of ['shared-alpha', 'shared-beta', 'shared-gamma']) {
          const own = slugs.filter((s) => s === base || s.startsWith(`${base}-`)).sort();
          expect(own).toEqual(
            [base, ...Array.from({ length: 7 }, (_, i) => `${base}-${i + 2}`)].sort(),
          );
        }
      } finally {
        await other.close();
      }
    },
  );
});
