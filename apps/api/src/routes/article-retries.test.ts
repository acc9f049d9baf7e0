import type { LanguageCode } from '@tidings/core';
import { translateJobId } from '@tidings/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness({ rateLimitPerMinute: 1000 });
});
afterAll(() => h.close());

interface Retries {
  articleId: string;
  retries: {
    language: string;
    outcome: string;
    status: string;
    job: string | null;
    reason: string | null;
    reasons: { code: string; text: string; [field: string]: unknown }[];
  }[];
}

async function post(key = h.keys.publisher): Promise<string> {
  const res = await h.call('POST', '/v1/articles', key, {
    title: 'Ukraine joins the JEF',
    body: '<p>Ukraine has been granted extended partner status.</p>',
    language: 'en',
  });
  const { id } = (await res.json()) as { id: string };
  // The first translation's jobs follow the answer: in Redis before the test goes on.
  await h.dispatcher.flush();
  return id;
}

const fail = (articleId: string, language: LanguageCode) =>
  h.store.recordTranslationFailure({
    articleId,
    language,
    revision: 1,
    reason: 'Xenova/opus-mt-en-de: not found, and remote models are off',
  });

const jobsOf = async (articleId: string, language: LanguageCode) =>
  (await h.queue.getJobs(['waiting', 'prioritized', 'delayed', 'active', 'failed'])).filter(
    (j) => j.data.articleId === articleId && j.data.target === language,
  );

describe('POST /v1/articles/{id}/{lang}/retry (happy path)', () => {
  it('queues a fresh translation of a failed language as a job of its own', async () => {
    const id = await post();
    await fail(id, 'de');
    const res = await h.call('POST', `/v1/articles/${id}/de/retry`, h.keys.editor);
    expect(res.status, await res.clone().text()).toBe(202);
    const body = (await res.json()) as Retries;
    expect(body.retries).toEqual([
      expect.objectContaining({
        language: 'de',
        outcome: 'queued',
        status: 'queued',
        job: translateJobId(id, 1, 'de', 1),
      }),
    ]);
    const job = await h.queue.getJob(translateJobId(id, 1, 'de', 1));
    expect(job?.data).toMatchObject({ articleId: id, revision: 1, target: 'de', retry: 1 });
    const view = await (await h.call('GET', `/v1/articles/${id}/de`, h.keys.editor)).json();
    expect(view).toMatchObject({ status: 'queued', reason: null });
  });

  it('answers a retry while one is queued with that job, and two at once make one job', async () => {
    const id = await post();
    await fail(id, 'fr');
    const answers = await Promise.all(
      [h.keys.editor, h.keys.publisher].map((key) =>
        h.call('POST', `/v1/articles/${id}/fr/retry`, key),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual([202, 202]);
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as Retries[];
    expect(bodies.map((b) => b.retries[0]?.outcome).sort()).toEqual(['already', 'queued']);
    expect(new Set(bodies.map((b) => b.retries[0]?.job))).toEqual(
      new Set([translateJobId(id, 1, 'fr', 1)]),
    );
    const again = (await (
      await h.call('POST', `/v1/articles/${id}/fr/retry`, h.keys.editor)
    ).json()) as Retries;
    expect(again.retries[0]).toMatchObject({
      outcome: 'already',
      job: translateJobId(id, 1, 'fr', 1),
    });
    // The first translation's job, and one retry job: never a second retry.
    expect((await jobsOf(id, 'fr')).map((j) => j.id).sort()).toEqual(
      [translateJobId(id, 1, 'fr'), translateJobId(id, 1, 'fr', 1)].sort(),
    );
  });

  it('retries a needs_review draft', async () => {
    const id = await post();
    await h.store.recordTranslationResult({
      articleId: id,
      language: 'it',
      revision: 1,
      model: 'test',
      status: 'needs_review',
      reason: 'placeholder lost',
      content: { title: 'Bozza', summary: '', body: '<p>x</p>', categories: [] },
    });
    const res = await h.call('POST', `/v1/articles/${id}/it/retry`, h.keys.editor);
    expect(res.status).toBe(202);
  });
});

describe('POST /v1/articles/{id}/retry (happy path)', () => {
  it("retries every failed language, skips an editor's correction and says why", async () => {
    const id = await post();
    await fail(id, 'de');
    await fail(id, 'uk');
    const edited = await h.call('PUT', `/v1/articles/${id}/es`, h.keys.editor, {
      title: 'Ucrania se une',
      body: '<p>Texto de la redacción.</p>',
    });
    expect(edited.status).toBe(200);
    const res = await h.call('POST', `/v1/articles/${id}/retry`, h.keys.publisher);
    expect(res.status).toBe(202);
    const { retries } = (await res.json()) as Retries;
    const by = Object.fromEntries(retries.map((r) => [r.language, r]));
    expect(by.de).toMatchObject({ outcome: 'queued', job: translateJobId(id, 1, 'de', 1) });
    expect(by.uk).toMatchObject({ outcome: 'queued', job: translateJobId(id, 1, 'uk', 1) });
    expect(by.fr).toMatchObject({ outcome: 'already', job: translateJobId(id, 1, 'fr') });
    expect(by.es).toMatchObject({ outcome: 'skipped', status: 'edited', job: null });
    expect(by.es?.reason).toMatch(/editor's correction/);
    const es = (await (await h.call('GET', `/v1/articles/${id}/es`, h.keys.editor)).json()) as {
      content: { title: string };
    };
    expect(es.content.title).toBe('Ucrania se une');
  });
});

describe('POST …/retry (in the language asked for)', () => {
  it("says why an editor's correction is skipped by code, in German for Accept-Language: de", async () => {
    const id = await post();
    await fail(id, 'uk');
    await h.call('PUT', `/v1/articles/${id}/de`, h.keys.editor, {
      title: 'Die Ukraine',
      body: '<p>Redigiert.</p>',
    });
    const german = { 'accept-language': 'de-CH, en;q=0.5' };
    const res = await h.call('POST', `/v1/articles/${id}/retry`, h.keys.editor, undefined, german);
    expect(res.status).toBe(202);
    const { retries } = (await res.json()) as Retries;
    const de = retries.find((r) => r.language === 'de');
    expect(de).toMatchObject({ outcome: 'skipped', status: 'edited', job: null });
    // The English reason stays, for logs and older readers.
    expect(de?.reason).toMatch(/editor's correction/);
    expect(de?.reasons).toEqual([
      {
        code: 'retry-editor-owned',
        language: 'de',
        status: 'edited',
        text: 'die de-Fassung ist eine Korrektur der Redaktion (edited); eine Wiederholung ersetzt sie nie',
      },
    ]);
    expect(retries.find((r) => r.language === 'uk')?.reasons).toEqual([]);

    const one = await h.call(
      'POST',
      `/v1/articles/${id}/de/retry`,
      h.keys.editor,
      undefined,
      german,
    );
    expect(one.status).toBe(409);
    expect(((await one.json()) as { detail: string }).detail).toMatch(
      /^Nichts zu wiederholen: Die de-Fassung ist eine Korrektur der Redaktion/,
    );
  });

  it('says a status that is not retried with the statuses that are, as a list in Ukrainian', async () => {
    const id = await post();
    await h.store.recordTranslationResult({
      articleId: id,
      language: 'uk',
      revision: 1,
      model: 'test',
      status: 'published',
      content: { title: 'Україна', summary: '', body: '<p>Текст.</p>', categories: [] },
    });
    const res = await h.call('POST', `/v1/articles/${id}/retry`, h.keys.editor, undefined, {
      'accept-language': 'uk',
    });
    const { retries } = (await res.json()) as Retries;
    expect(retries.find((r) => r.language === 'uk')?.reasons).toEqual([
      {
        code: 'retry-not-retryable',
        language: 'uk',
        status: 'published',
        retryable: ['failed', 'needs_review'],
        text: 'версія uk має стан published; повторюються лише версії failed і needs_review',
      },
    ]);
  });
});

describe('POST …/retry (bad input)', () => {
  it("an editor's correction: 409 problem+json that says so", async () => {
    const id = await post();
    await h.call('PUT', `/v1/articles/${id}/de`, h.keys.editor, {
      title: 'Die Ukraine',
      body: '<p>Redigiert.</p>',
    });
    const res = await h.call('POST', `/v1/articles/${id}/de/retry`, h.keys.editor);
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/editor's correction/);
  });

  it('the source language or a retracted article: 409; no language or article: 404', async () => {
    const id = await post();
    expect((await h.call('POST', `/v1/articles/${id}/en/retry`, h.keys.editor)).status).toBe(409);
    expect((await h.call('POST', `/v1/articles/${id}/pt/retry`, h.keys.editor)).status).toBe(404);
    expect((await h.call('POST', '/v1/articles/nope/de/retry', h.keys.editor)).status).toBe(404);
    expect((await h.call('POST', '/v1/articles/nope/retry', h.keys.editor)).status).toBe(404);
    await h.call('DELETE', `/v1/articles/${id}`, h.keys.publisher);
    const retracted = await h.call('POST', `/v1/articles/${id}/retry`, h.keys.editor);
    expect(retracted.status).toBe(409);
    expect(retracted.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

describe('POST …/retry (security)', () => {
  it('no key: 401; malformed: 400; unknown: 401; revoked: 401', async () => {
    const id = await post();
    for (const path of [`/v1/articles/${id}/retry`, `/v1/articles/${id}/de/retry`]) {
      expect((await h.call('POST', path)).status).toBe(401);
      expect((await h.call('POST', path, 'nope')).status).toBe(400);
      expect((await h.call('POST', path, `tdg_${'A'.repeat(43)}`)).status).toBe(401);
      const created = await h.store.createKey({ name: 'gone', role: 'editor' });
      await h.store.revokeKey(created.id);
      expect((await h.call('POST', path, created.token)).status).toBe(401);
    }
  });

  it("another publisher's article is as good as absent: 404, and nothing is queued", async () => {
    const id = await post();
    await fail(id, 'de');
    for (const path of [`/v1/articles/${id}/retry`, `/v1/articles/${id}/de/retry`]) {
      const res = await h.call('POST', path, h.keys.otherPublisher);
      expect(res.status).toBe(404);
    }
    expect((await h.store.getTranslation(id, 'de')).status).toBe('failed');
  });
});

describe('POST …/retry (rate limit)', () => {
  it('counts against the key: 429 with Retry-After once the budget is spent', async () => {
    const limited = await apiHarness({ rateLimitPerMinute: 2 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        statuses.push(
          (await limited.call('POST', '/v1/articles/nope/retry', limited.keys.editor)).status,
        );
      }
      expect(statuses).toEqual([404, 404, 429]);
    } finally {
      await limited.close();
    }
  });
});
