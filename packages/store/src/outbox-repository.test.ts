import { expect, it } from 'vitest';
import { databaseOf } from './store.ts';
import { describeStore, sampleContent } from './test-harness.ts';

describeStore('outbox', (env) => {
  it('hands the reconciler pending and stuck requests, never done ones', async () => {
    const { article, requests } = await env.store.createArticle({
      publisherKeyId: await env.publisher(),
      sourceLanguage: 'en',
      content: sampleContent(),
    });
    const mine = async (olderThanMs: number, pendingOlderThanMs?: number) =>
      (
        await env.store.listUnfinishedRequests({ olderThanMs, pendingOlderThanMs, limit: 10_000 })
      ).filter((r) => r.articleId === article.id);

    const pending = (await mine(0)).map((r) => [r.language, r.state, r.attempts]);
    expect(pending.sort()).toEqual(['de', 'es', 'fr', 'it', 'uk'].map((l) => [l, 'pending', 0]));
    expect(await mine(60_000)).toEqual([]);
    // Never-enqueued requests have a wait of their own, far shorter than a running job's.
    expect(await mine(60_000, 0)).toHaveLength(5);

    const [es, de, ...rest] = requests;
    if (!es || !de) throw new Error('expected five requests');
    expect(await env.store.markRequestsEnqueued([es, de])).toBe(2);
    await env.store.recordTranslationResult({
      ...de,
      model: 'test',
      status: 'published',
      content: { title: 'T', summary: '', body: '<p>B</p>', categories: [] },
    });
    const open = await mine(0);
    expect(open.map((r) => r.language).sort()).toEqual(['es', 'fr', 'it', 'uk']);
    expect(open.find((r) => r.language === 'es')).toMatchObject({ state: 'enqueued', attempts: 1 });
    expect(open.find((r) => r.language === 'es')?.enqueuedAt).toBeInstanceOf(Date);
    // The enqueued one is not overdue yet; the three pending ones are.
    expect((await mine(60_000, 0)).map((r) => r.language).sort()).toEqual(['fr', 'it', 'uk']);
    // A done request is not re-opened by a late "enqueued" note.
    expect(await env.store.markRequestsEnqueued([de])).toBe(0);
    expect(rest).toHaveLength(3);
  });

  it('drops the requests of a superseded revision', async () => {
    const publisherKeyId = await env.publisher();
    const { article } = await env.store.createArticle({
      publisherKeyId,
      sourceLanguage: 'en',
      content: sampleContent(),
    });
    await env.store.reviseArticle(article.id, sampleContent(), publisherKeyId);
    const open = (await env.store.listUnfinishedRequests({ olderThanMs: 0 })).filter(
      (r) => r.articleId === article.id,
    );
    expect(open.map((r) => r.revision)).toEqual([2, 2, 2, 2, 2]);
  });

  it('marks requests enqueued by the primary key, not by reading the whole outbox', async () => {
    const db = databaseOf(env.store);
    // An outbox of a few thousand requests, as a newsroom's grows, with the planner's statistics.
    const publisherKeyId = await env.publisher();
    const older = await env.store.createArticle({
      publisherKeyId,
      sourceLanguage: 'en',
      content: sampleContent(),
    });
    await db.query(
      `INSERT INTO translation_requests (article_id, revision, language, state)
       SELECT $1, 1000 + g, l, 'enqueued'
         FROM generate_series(1, 600) g, unnest(ARRAY['es', 'de', 'fr', 'it', 'uk']) l`,
      [older.article.id],
    );
    await db.query('ANALYZE translation_requests');
    const { requests } = await env.store.createArticle({
      publisherKeyId,
      sourceLanguage: 'en',
      content: sampleContent(),
    });
    // The statement the store runs, read off its connection, then explained with its values.
    const seen: { sql: string; params: unknown[] }[] = [];
    const query = db.query.bind(db);
    db.query = ((sql: string, params: unknown[] = []) => {
      seen.push({ sql, params });
      return query(sql, params);
    }) as typeof db.query;
    try {
      expect(await env.store.markRequestsEnqueued(requests)).toBe(5);
    } finally {
      db.query = query;
    }
    const [mark] = seen;
    if (!mark) throw new Error('markRequestsEnqueued ran no statement');
    const plan = await db.query<Record<string, unknown>>(`EXPLAIN ${mark.sql}`, mark.params);
    const text = plan.map((row) => Object.values(row)[0]).join('\n');
    expect(text).toMatch(/translation_requests_pkey/);
    expect(text).not.toMatch(/Seq Scan on translation_requests/);
  });

  it('marks requests without waiting for a disk flush, and only its own transaction', async () => {
    const db = databaseOf(env.store);
    const { requests } = await env.store.createArticle({
      publisherKeyId: await env.publisher(),
      sourceLanguage: 'en',
      content: sampleContent(),
    });
    const returned: unknown[] = [];
    const query = db.query.bind(db);
    db.query = (async (sql: string, params?: readonly unknown[], options?: object) => {
      const rows = await query(sql, params, options);
      returned.push(...rows);
      return rows;
    }) as typeof db.query;
    try {
      expect(await env.store.markRequestsEnqueued(requests)).toBe(5);
    } finally {
      db.query = query;
    }
    // Each row says the commit mode of the mark's transaction: it does not wait for the flush.
    expect(returned).toEqual(requests.map(() => ({ commit_mode: 'off' })));
    // The setting was the transaction's alone: the next statements commit durably again.
    const [after] = await db.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
    expect(after?.synchronous_commit).toBe('on');
    const open = await env.store.listUnfinishedRequests({ olderThanMs: 0, limit: 10_000 });
    const mine = open.filter((r) => r.articleId === requests[0]?.articleId);
    expect(mine.map((r) => [r.state, r.attempts])).toEqual(requests.map(() => ['enqueued', 1]));
  });
});
