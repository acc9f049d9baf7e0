import { expect, it } from 'vitest';
import { ConflictError } from './errors.ts';
import { describeStore, type StoreEnv, sampleContent } from './test-harness.ts';

const german = {
  title: 'Ukraine erhält erweiterten Partnerstatus',
  summary: '',
  body: '<p>Die Ukraine hat den Status erhalten.</p>',
  categories: [],
};

async function newArticle(env: StoreEnv) {
  const { article } = await env.store.createArticle({
    publisherKeyId: await env.publisher(),
    sourceLanguage: 'uk',
    content: sampleContent(),
  });
  return article;
}

async function request(env: StoreEnv, articleId: string, language: string) {
  const [row] = await env.db.query<{ state: string; retry: number }>(
    'SELECT state, retry FROM translation_requests WHERE article_id = $1 AND language = $2',
    [articleId, language],
  );
  return row;
}

describeStore('retries', (env) => {
  it('queues a fresh translation of a failed language, whose result is then published', async () => {
    const article = await newArticle(env);
    await env.store.recordTranslationFailure({
      articleId: article.id,
      language: 'de',
      revision: 1,
      reason: 'model Xenova/opus-mt-en-de not found',
    });
    const [de] = await env.store.retryTranslations(article.id, ['de']);
    expect(de).toMatchObject({
      outcome: 'queued',
      status: 'queued',
      request: { articleId: article.id, revision: 1, language: 'de', retry: 1 },
    });
    expect(await request(env, article.id, 'de')).toEqual({ state: 'pending', retry: 1 });
    const translation = await env.store.getTranslation(article.id, 'de');
    expect(translation.status).toBe('queued');
    expect(translation.reason).toBeNull();
    const outcome = await env.store.recordTranslationResult({
      articleId: article.id,
      language: 'de',
      revision: 1,
      retry: 1,
      content: german,
      model: 'Xenova/opus-mt-uk-de',
      status: 'published',
    });
    expect(outcome).toEqual({ applied: true, status: 'published' });
    expect((await env.store.getTranslation(article.id, 'de')).content?.title).toBe(german.title);
    expect(await request(env, article.id, 'de')).toEqual({ state: 'done', retry: 1 });
  });

  it('gives a second retry while the first is queued the same request, never a second', async () => {
    const article = await newArticle(env);
    await env.store.recordTranslationFailure({
      articleId: article.id,
      language: 'fr',
      revision: 1,
      reason: 'boom',
    });
    const both = await Promise.all([
      env.store.retryTranslations(article.id, ['fr']),
      env.store.retryTranslations(article.id, ['fr']),
    ]);
    const outcomes = both.flat().map((o) => o.outcome);
    expect(outcomes.sort()).toEqual(['already', 'queued']);
    for (const [o] of both) expect(o && 'request' in o ? o.request.retry : -1).toBe(1);
  });

  it('retries a draft awaiting review and keeps both machine versions', async () => {
    const article = await newArticle(env);
    const draft = {
      articleId: article.id,
      language: 'es' as const,
      revision: 1,
      content: { ...german, title: 'Borrador' },
      model: 'm',
      status: 'needs_review' as const,
    };
    await env.store.recordTranslationResult(draft);
    const [es] = await env.store.retryTranslations(article.id, ['es']);
    expect(es?.outcome).toBe('queued');
    const fresh = { ...draft, retry: 1, content: { ...german, title: 'Nuevo' } };
    expect(await env.store.recordTranslationResult(fresh)).toEqual({
      applied: true,
      status: 'needs_review',
    });
    expect((await env.store.getTranslation(article.id, 'es')).draft?.title).toBe('Nuevo');
    // The first try's result delivered again changes nothing.
    expect((await env.store.recordTranslationResult(draft)).applied).toBe(false);
    const kept = await env.db.query(
      `SELECT retry FROM translation_versions WHERE article_id = $1 AND language = 'es' ORDER BY retry`,
      [article.id],
    );
    expect(kept).toEqual([{ retry: 0 }, { retry: 1 }]);
  });

  it('translates a published version again only when asked to include published ones, keeping it live meanwhile', async () => {
    const article = await newArticle(env);
    const first = {
      articleId: article.id,
      language: 'de' as const,
      revision: 1,
      content: german,
      model: 'm',
      status: 'published' as const,
    };
    await env.store.recordTranslationResult(first);
    const [plain] = await env.store.retryTranslations(article.id, ['de']);
    expect(plain).toMatchObject({ outcome: 'skipped', status: 'published' });
    const [de] = await env.store.retryTranslations(article.id, ['de'], {
      includePublished: true,
    });
    expect(de).toMatchObject({ outcome: 'queued', request: { revision: 1, retry: 1 } });
    const waiting = await env.store.getTranslation(article.id, 'de');
    expect(waiting.status).toBe('queued');
    expect(waiting.content?.title).toBe(german.title);
    const [again] = await env.store.retryTranslations(article.id, ['de'], {
      includePublished: true,
    });
    expect(again?.outcome).toBe('already');
    const fresh = { ...first, retry: 1, content: { ...german, title: 'Neu' } };
    expect(await env.store.recordTranslationResult(fresh)).toEqual({
      applied: true,
      status: 'published',
    });
    expect((await env.store.getTranslation(article.id, 'de')).content?.title).toBe('Neu');
  });

  it("never retries an editor's correction; the whole article skips it and says why", async () => {
    const article = await newArticle(env);
    const editor = (await env.store.createKey({ name: 'ed', role: 'editor' })).id;
    await env.store.editTranslation(article.id, 'it', { ...german, title: 'Redazione' }, editor);
    await env.store.recordTranslationFailure({
      articleId: article.id,
      language: 'de',
      revision: 1,
      reason: 'boom',
    });
    const outcomes = await env.store.retryTranslations(article.id);
    const by = Object.fromEntries(outcomes.map((o) => [o.language, o]));
    expect(Object.keys(by).sort()).toEqual(['de', 'en', 'es', 'fr', 'it']);
    expect(by.it).toMatchObject({ outcome: 'skipped', status: 'edited' });
    expect(by.it && 'reason' in by.it ? by.it.reason : '').toMatch(/editor's correction/);
    expect(by.it).toMatchObject({
      skip: { code: 'retry-editor-owned', language: 'it', status: 'edited' },
    });
    expect(by.de?.outcome).toBe('queued');
    expect(by.en?.outcome).toBe('already');
    expect((await env.store.getTranslation(article.id, 'it')).content?.title).toBe('Redazione');
  });

  it('refuses the source language and a retracted article; an unknown id is not found', async () => {
    const article = await newArticle(env);
    await expect(env.store.retryTranslations(article.id, ['uk'])).rejects.toBeInstanceOf(
      ConflictError,
    );
    await env.store.retractArticle(article.id);
    await expect(env.store.retryTranslations(article.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(env.store.retryTranslations('nope')).rejects.toThrow(/nope/);
  });

  it('ignores a failure of the try a retry replaced, but takes its success while none is in', async () => {
    const article = await newArticle(env);
    const key = { articleId: article.id, language: 'it' as const, revision: 1 };
    await env.store.recordTranslationFailure({ ...key, reason: 'first' });
    await env.store.retryTranslations(article.id, ['it']);
    expect((await env.store.recordTranslationFailure({ ...key, reason: 'late' })).applied).toBe(
      false,
    );
    expect((await env.store.getTranslation(article.id, 'it')).status).toBe('queued');
    // The queue dashboard retried the first job, and it succeeded first.
    const outcome = await env.store.recordTranslationResult({
      ...key,
      content: german,
      model: 'm',
      status: 'published',
    });
    expect(outcome).toEqual({ applied: true, status: 'published' });
    // The retry's own request stays open until its result comes.
    expect(await request(env, article.id, 'it')).toEqual({ state: 'pending', retry: 1 });
  });

  it('retries a try that stalled, as one fresh job however often it is told, up to the limit', async () => {
    const article = await newArticle(env);
    await env.store.markTranslating(article.id, 'de', 1);
    const stalled = (retry: number) => ({ stalled: { revision: 1, retry, limit: 2 } });
    const [first] = await env.store.retryTranslations(article.id, ['de'], stalled(0));
    expect(first).toMatchObject({ outcome: 'queued', status: 'queued', stalledRetries: 1 });
    expect(await request(env, article.id, 'de')).toEqual({ state: 'pending', retry: 1 });
    // The same stall reported again (a result delivered twice) is the same job.
    const [again] = await env.store.retryTranslations(article.id, ['de'], stalled(0));
    expect(again).toMatchObject({ outcome: 'already', request: { retry: 1 } });
    const [second] = await env.store.retryTranslations(article.id, ['de'], stalled(1));
    expect(second).toMatchObject({ outcome: 'queued', request: { retry: 2 }, stalledRetries: 2 });
    const [third] = await env.store.retryTranslations(article.id, ['de'], stalled(2));
    expect(third).toMatchObject({ outcome: 'skipped', status: 'queued', stalledRetries: 2 });
    expect(third && 'reason' in third ? third.reason : '').toMatch(/STALLED_RETRIES/);
    expect(third).toMatchObject({
      skip: { code: 'retry-stall-limit', language: 'de', stalls: 3, retries: 2, limit: 2 },
    });
    // A person's retry of the failure gives the revision its automatic retries again.
    await env.store.recordTranslationFailure({
      articleId: article.id,
      language: 'de',
      revision: 1,
      retry: 2,
      reason: 'stalled',
    });
    const [manual] = await env.store.retryTranslations(article.id, ['de']);
    expect(manual).toMatchObject({ outcome: 'queued', request: { retry: 3 } });
    const [afterManual] = await env.store.retryTranslations(article.id, ['de'], stalled(3));
    expect(afterManual).toMatchObject({ outcome: 'queued', stalledRetries: 1 });
  });

  it("never retries a stall over an editor's correction or a result that came in", async () => {
    const article = await newArticle(env);
    const editor = (await env.store.createKey({ name: 'ed', role: 'editor' })).id;
    await env.store.editTranslation(article.id, 'it', { ...german, title: 'Redazione' }, editor);
    const stalled = { stalled: { revision: 1, retry: 0, limit: 3 } };
    const [it] = await env.store.retryTranslations(article.id, ['it'], stalled);
    expect(it).toMatchObject({ outcome: 'skipped', status: 'edited' });
    expect(it).toMatchObject({
      skip: { code: 'retry-superseded', language: 'it', status: 'edited', revision: 1, retry: 0 },
    });
    expect((await env.store.getTranslation(article.id, 'it')).content?.title).toBe('Redazione');
    // The stalled job had sent its result before its worker died.
    await env.store.recordTranslationResult({
      articleId: article.id,
      language: 'es',
      revision: 1,
      content: german,
      model: 'm',
      status: 'needs_review',
    });
    const [es] = await env.store.retryTranslations(article.id, ['es'], stalled);
    expect(es).toMatchObject({ outcome: 'skipped', status: 'needs_review' });
    expect(await request(env, article.id, 'es')).toEqual({ state: 'done', retry: 0 });
  });
});
