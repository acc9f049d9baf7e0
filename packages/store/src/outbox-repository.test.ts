import { expect, it } from 'vitest';
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
});
