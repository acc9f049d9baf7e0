import { translateJobId } from '@tidings/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';

const article = {
  title: 'Ukraine joins the JEF',
  summary: 'Extended partner status.',
  body: '<p>Ukraine has been granted <a href="https://example.org/jef">extended partner</a> status.</p>',
  language: 'en',
  categories: ['Defence'],
};

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness({ bodyLimitBytes: 16 * 1024 });
});
afterAll(() => h.close());

interface View {
  id: string;
  revision: number;
  languages: Record<string, { status: string; links: { self: string } }>;
  links: { self: string };
}

describe('POST /v1/articles (happy path)', () => {
  it('stores the article, queues one job per other language, and links to its status', async () => {
    const res = await h.call('POST', '/v1/articles', h.keys.publisher, article);
    expect(res.status).toBe(201);
    const view = (await res.json()) as View;
    expect(res.headers.get('location')).toBe(`http://news.test/v1/articles/${view.id}`);
    expect(view.languages.en?.status).toBe('published');
    // The answer does not wait for the jobs, which follow with the next batch.
    await h.dispatcher.flush();
    for (const lang of ['es', 'de', 'fr', 'it', 'uk']) {
      expect(view.languages[lang]?.status).toBe('queued');
      const job = await h.queue.getJob(translateJobId(view.id, 1, lang as 'es'));
      expect(job?.data.target).toBe(lang);
      expect(job?.data.content.body).toContain('rel="noopener noreferrer"');
    }
  });

  it('makes no second job or version when the same story is posted twice', async () => {
    const body = { ...article, externalId: 'cms-42' };
    const first = (await (
      await h.call('POST', '/v1/articles', h.keys.publisher, body)
    ).json()) as View;
    const again = await h.call('POST', '/v1/articles', h.keys.publisher, body);
    expect(again.status).toBe(200);
    const second = (await again.json()) as View;
    expect(second.id).toBe(first.id);
    expect(second.revision).toBe(1);
    await h.dispatcher.flush();
    const counts = await h.queue.getJobCounts('waiting', 'prioritized', 'delayed');
    const jobs = await h.queue.getJobs(['waiting']);
    expect(jobs.filter((j) => j.data.articleId === first.id)).toHaveLength(5);
    expect(counts.waiting).toBeGreaterThanOrEqual(5);
  });

  it('a new version of a known story becomes revision 2, re-queued', async () => {
    const body = { ...article, externalId: 'cms-43' };
    const first = (await (
      await h.call('POST', '/v1/articles', h.keys.publisher, body)
    ).json()) as View;
    const res = await h.call('PUT', `/v1/articles/${first.id}`, h.keys.publisher, {
      ...body,
      title: 'Ukraine joins the JEF as an extended partner',
    });
    expect(res.status).toBe(202);
    const view = (await res.json()) as View;
    expect(view.revision).toBe(2);
    await h.dispatcher.flush();
    expect(await h.queue.getJob(translateJobId(first.id, 2, 'uk'))).toBeTruthy();
  });

  it("keeps an editor's correction and marks it stale when the source is revised", async () => {
    const first = (await (
      await h.call('POST', '/v1/articles', h.keys.publisher, article)
    ).json()) as View;
    const edit = await h.call('PUT', `/v1/articles/${first.id}/fr`, h.keys.editor, {
      title: 'L’Ukraine rejoint la JEF',
      body: '<p>Texte corrigé.</p>',
    });
    expect(edit.status).toBe(200);
    expect(((await edit.json()) as { status: string }).status).toBe('edited');
    const revised = await h.call('PUT', `/v1/articles/${first.id}`, h.keys.publisher, {
      ...article,
      title: 'New title',
      body: `${article.body}<p>The talks go on.</p>`,
    });
    expect(revised.status).toBe(202);
    // The worker's translation of the new source comes in beside the editor's text.
    await h.store.recordTranslationResult({
      articleId: first.id,
      language: 'fr',
      revision: 2,
      model: 'Xenova/opus-mt-en-fr',
      status: 'published',
      content: {
        title: 'Nouveau titre',
        summary: 'Statut de partenaire étendu.',
        body: '<p>L’Ukraine a obtenu le statut.</p><p>Les pourparlers continuent.</p>',
        categories: ['Défense'],
      },
    });
    const fr = (await (
      await h.call('GET', `/v1/articles/${first.id}/fr`, h.keys.editor)
    ).json()) as {
      status: string;
      content: { title: string };
      draft: { title: string } | null;
      sourceChange: unknown;
    };
    expect(fr.status).toBe('stale');
    expect(fr.content.title).toBe('L’Ukraine rejoint la JEF');
    expect(fr.draft?.title).toBe('Nouveau titre');
    expect(fr.sourceChange).toEqual({
      fromRevision: 1,
      toRevision: 2,
      changes: [
        { field: 'title', kind: 'changed', block: null, old: article.title, new: 'New title' },
        { field: 'body', kind: 'added', block: 1, old: null, new: 'The talks go on.' },
      ],
    });
  });

  it("says when an editor's correction was saved, and no model start that would read as hours of translating", async () => {
    const first = (await (
      await h.call('POST', '/v1/articles', h.keys.publisher, article)
    ).json()) as View;
    const startedAt = new Date(Date.now() - 5 * 3600_000);
    const finishedAt = new Date(startedAt.getTime() + 1200);
    await h.store.recordTranslationResult({
      articleId: first.id,
      language: 'fr',
      revision: 1,
      model: 'Xenova/opus-mt-en-fr',
      status: 'published',
      timings: { startedAt, finishedAt },
      content: { title: 'L’Ukraine', summary: '', body: '<p>Texte.</p>', categories: [] },
    });
    type Times = { startedAt: string | null; finishedAt: string | null };
    const times = async () =>
      (
        (await (await h.call('GET', `/v1/articles/${first.id}`, h.keys.editor)).json()) as {
          languages: Record<string, Times>;
        }
      ).languages.fr;
    expect(await times()).toMatchObject({
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
    });
    const before = Date.now() - 1000;
    const edit = await h.call('PUT', `/v1/articles/${first.id}/fr`, h.keys.editor, {
      title: 'L’Ukraine rejoint la JEF',
      body: '<p>Texte corrigé.</p>',
    });
    expect(edit.status).toBe(200);
    for (const fr of [(await edit.json()) as Times, await times()]) {
      expect(fr?.startedAt).toBeNull();
      expect(Date.parse(fr?.finishedAt ?? '')).toBeGreaterThanOrEqual(before);
    }
  });

  it('detects the language of an article posted without one, from its words, not its markup', async () => {
    // A short Spanish text in English-named markup: judged with its tags, it reads as English.
    const link = (path: string) =>
      `<a href="https://example.org/news/government/parliament/${path}" title="read the full statement from the government here">`;
    const res = await h.call('POST', '/v1/articles', h.keys.publisher, {
      title: 'El Gobierno aprueba la ley',
      body: `<p>${link('approval-of-the-new-law')}El ministro dijo que el Gobierno aprobará la ley</a> esta semana.</p><p>${link('press-release-about-the-budget')}La oposición</a> pidió más tiempo para el debate.</p>`,
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { sourceLanguage: string }).sourceLanguage).toBe('es');
  });

  it('retracts an article', async () => {
    const first = (await (
      await h.call('POST', '/v1/articles', h.keys.publisher, article)
    ).json()) as View;
    const res = await h.call('DELETE', `/v1/articles/${first.id}`, h.keys.publisher);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { retractedAt: string | null }).retractedAt).not.toBeNull();
  });
});

describe('bad input answers problem+json', () => {
  const expectProblem = async (res: Response, status: number, type: string) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await res.json()) as { type: string; status: number; detail: string };
    expect(body.type).toBe(`http://news.test/docs/problems/${type}`);
    expect(body.status).toBe(status);
    expect(body.detail).toBeTruthy();
    return body;
  };

  it('a NUL character in the external id: 422 naming it, not a 500 from the store', async () => {
    const res = await h.call('POST', '/v1/articles', h.keys.publisher, {
      ...article,
      externalId: 'cms\u0000-1',
    });
    const problem = await expectProblem(res, 422, 'validation');
    expect((problem as unknown as { errors: { field: string }[] }).errors).toEqual([
      { field: 'externalId', message: 'a NUL character (U+0000), which no text may hold' },
    ]);
  });

  it('invalid JSON: 400', async () => {
    await expectProblem(
      await h.call('POST', '/v1/articles', h.keys.publisher, '{"title":'),
      400,
      'bad-request',
    );
  });

  it('wrong content type: 415', async () => {
    const res = await h.app.request('/v1/articles', {
      method: 'POST',
      headers: { authorization: `Bearer ${h.keys.publisher}`, 'content-type': 'text/plain' },
      body: 'hello',
    });
    await expectProblem(res, 415, 'unsupported-media-type');
  });

  it('missing title: 422 naming the field', async () => {
    const { title: _title, ...rest } = article;
    const body = (await expectProblem(
      await h.call('POST', '/v1/articles', h.keys.publisher, rest),
      422,
      'validation',
    )) as unknown as { errors: { field: string }[] };
    expect(body.errors.map((e) => e.field)).toContain('title');
  });

  it('unknown language: 422', async () => {
    const body = (await expectProblem(
      await h.call('POST', '/v1/articles', h.keys.publisher, { ...article, language: 'ru' }),
      422,
      'validation',
    )) as unknown as { errors: { field: string }[] };
    expect(body.errors.map((e) => e.field)).toContain('language');
  });

  it('a text in none of the six languages, posted without one: 422 asking for the language', async () => {
    const body = (await expectProblem(
      await h.call('POST', '/v1/articles', h.keys.publisher, {
        title: 'Правительство одобрило закон',
        body: '<p>Министр сказал, что правительство одобрит этот закон уже на этой неделе.</p>',
      }),
      422,
      'validation',
    )) as unknown as { errors: { field: string }[] };
    expect(body.errors.map((e) => e.field)).toEqual(['language']);
  });

  it('a body of only scripts: 422, nothing stored', async () => {
    await expectProblem(
      await h.call('POST', '/v1/articles', h.keys.publisher, {
        ...article,
        body: '<script>x()</script>',
      }),
      422,
      'validation',
    );
  });

  it('__proto__ keys: 400', async () => {
    await expectProblem(
      await h.call(
        'POST',
        '/v1/articles',
        h.keys.publisher,
        `{"title":"t","body":"<p>x</p>","__proto__":{"admin":true}}`,
      ),
      400,
      'bad-request',
    );
  });

  it('body over the limit: 413, with Content-Length and chunked', async () => {
    const big = JSON.stringify({ ...article, body: `<p>${'a'.repeat(20_000)}</p>` });
    await expectProblem(
      await h.call('POST', '/v1/articles', h.keys.publisher, big),
      413,
      'payload-too-large',
    );
    const chunked = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const res = await h.app.request('/v1/articles', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${h.keys.publisher}`,
        'content-type': 'application/json',
        'transfer-encoding': 'chunked',
      },
      body: chunked,
      duplex: 'half',
    } as RequestInit);
    await expectProblem(res, 413, 'payload-too-large');
  });

  it('unknown article: 404', async () => {
    await expectProblem(
      await h.call('GET', '/v1/articles/nope', h.keys.publisher),
      404,
      'not-found',
    );
    await expectProblem(
      await h.call('GET', '/v1/articles/00000000-0000-0000-0000-000000000000', h.keys.editor),
      404,
      'not-found',
    );
  });
});

describe('security', () => {
  it('no key: 401; malformed: 400; unknown: 401; revoked: 401', async () => {
    expect((await h.call('POST', '/v1/articles', undefined, article)).status).toBe(401);
    const malformed = await h.app.request('/v1/articles/x', {
      headers: { authorization: 'Basic abc' },
    });
    expect(malformed.status).toBe(400);
    const unknown = `tdg_${'A'.repeat(43)}`;
    expect((await h.call('GET', '/v1/articles/x', unknown)).status).toBe(401);
    const created = await h.store.createKey({ name: 'gone', role: 'publisher' });
    await h.store.revokeKey(created.id);
    const revoked = await h.call('POST', '/v1/articles', created.token, article);
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as { detail: string }).detail).toMatch(/revoked/);
  });

  it('a publisher key on an editor route: 403', async () => {
    const first = (await (
      await h.call('POST', '/v1/articles', h.keys.publisher, article)
    ).json()) as View;
    const res = await h.call('PUT', `/v1/articles/${first.id}/es`, h.keys.publisher, {
      title: 'x',
      body: '<p>x</p>',
    });
    expect(res.status).toBe(403);
  });

  it("another publisher's article: 404", async () => {
    const first = (await (
      await h.call('POST', '/v1/articles', h.keys.publisher, article)
    ).json()) as View;
    expect((await h.call('GET', `/v1/articles/${first.id}`, h.keys.otherPublisher)).status).toBe(
      404,
    );
    expect((await h.call('DELETE', `/v1/articles/${first.id}`, h.keys.otherPublisher)).status).toBe(
      404,
    );
  });

  it('only an admin makes keys; the token is shown once and works', async () => {
    expect(
      (await h.call('POST', '/v1/keys', h.keys.publisher, { name: 'x', role: 'editor' })).status,
    ).toBe(403);
    const res = await h.call('POST', '/v1/keys', h.keys.admin, { name: 'desk', role: 'editor' });
    expect(res.status).toBe(201);
    const { token } = (await res.json()) as { token: string };
    expect(token).toMatch(/^tdg_/);
    const list = (await (await h.call('GET', '/v1/keys', h.keys.admin)).json()) as {
      keys: object[];
    };
    expect(JSON.stringify(list)).not.toContain(token);
  });
});
