import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';
import { heldDraft } from '../testing/held-draft.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness({ rateLimitPerMinute: 1000 });
});
afterAll(() => h.close());

interface Version {
  status: string;
  approvedBy: string | null;
  approvedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  editedBy: string | null;
  approver: { id: string; name: string | null } | null;
  editor: { id: string; name: string | null } | null;
  content: { title: string; body: string } | null;
  draft: unknown;
  links: { page: string };
}

const held = (timings?: { startedAt: Date; finishedAt: Date }) =>
  heldDraft(h, {
    timings,
    source: {
      title: 'Ukraine joins the JEF',
      body: '<p>Ukraine has been granted extended partner status.</p>',
      language: 'en',
    },
    reason: 'a link was lost',
    draft: {
      title: 'Ukraine tritt der JEF bei',
      summary: '',
      body: '<p>Die Ukraine hat den Status erhalten.</p>',
      categories: [],
    },
  });

const editorKeyId = async () =>
  (await h.store.lookupToken(h.keys.editor)).status === 'valid'
    ? ((await h.store.lookupToken(h.keys.editor)) as { key: { id: string } }).key.id
    : '';

describe('POST /v1/articles/{id}/{lang}/approve (happy path)', () => {
  it('publishes the draft as it is, says who approved it and when, and readers see it reviewed', async () => {
    const id = await held();
    const res = await h.call('POST', `/v1/articles/${id}/de/approve`, h.keys.editor);
    expect(res.status, await res.clone().text()).toBe(200);
    const de = (await res.json()) as Version;
    expect(de).toMatchObject({
      status: 'published',
      approvedBy: await editorKeyId(),
      editedBy: null,
      draft: null,
      content: { title: 'Ukraine tritt der JEF bei' },
    });
    expect(Date.parse(de.approvedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    // The article's address redirects to the German version's own slug.
    const moved = await h.app.request(new URL(de.links.page).pathname);
    const page = await h.app.request(
      new URL(moved.headers.get('location') ?? '', 'http://news.test').pathname,
    );
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('data-provenance="reviewed"');
    expect(html).toContain('Ukraine tritt der JEF bei');
  });

  it("publishes the draft with an edit in the same call, as the editor's version", async () => {
    const startedAt = new Date(Date.now() - 3 * 3600_000);
    const id = await held({ startedAt, finishedAt: new Date(startedAt.getTime() + 900) });
    const before = Date.now() - 1000;
    const res = await h.call('POST', `/v1/articles/${id}/de/approve`, h.keys.editor, {
      title: 'Die Ukraine wird JEF-Partner',
      body: '<p>Redigiert.<script>alert(1)</script></p>',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const de = (await res.json()) as Version;
    expect(de).toMatchObject({
      status: 'edited',
      content: { title: 'Die Ukraine wird JEF-Partner' },
    });
    expect(de.content?.body).not.toContain('script');
    expect(de.approvedBy).toBe(de.editedBy);
    // Finished when the editor approved it; no model started the editor's version.
    expect(de.startedAt).toBeNull();
    expect(Date.parse(de.finishedAt ?? '')).toBeGreaterThanOrEqual(before);
  });

  it('names the key that edited and approved it, as a person knows it, beside its id', async () => {
    const id = await held();
    await h.call('POST', `/v1/articles/${id}/de/approve`, h.keys.editor, {
      title: 'Die Ukraine wird JEF-Partner',
      body: '<p>Redigiert.</p>',
    });
    const key = { id: await editorKeyId(), name: 'editor' };
    const de = (await (
      await h.call('GET', `/v1/articles/${id}/de`, h.keys.editor)
    ).json()) as Version;
    expect(de).toMatchObject({ editor: key, approver: key });
    const article = (await (await h.call('GET', `/v1/articles/${id}`, h.keys.editor)).json()) as {
      languages: Record<string, Version>;
    };
    expect(article.languages.de).toMatchObject({ editor: key, approver: key });
    expect(article.languages.fr).toMatchObject({ editor: null, approver: null });
  });

  it('names them in the listing too, for an editor and an admin', async () => {
    const id = await held();
    await h.call('POST', `/v1/articles/${id}/de/approve`, h.keys.editor);
    const key = { id: await editorKeyId(), name: 'editor' };
    for (const caller of [h.keys.editor, h.keys.admin]) {
      const page = (await (await h.call('GET', '/v1/articles?limit=100', caller)).json()) as {
        items: { id: string; languages: Record<string, Version> }[];
      };
      const item = page.items.find((i) => i.id === id);
      expect(item?.languages.de).toMatchObject({ editor: null, approver: key });
      expect(item?.languages.fr).toMatchObject({ editor: null, approver: null });
    }
  });

  it("shows a publisher the keys by id only: their names are the newsroom's", async () => {
    const id = await held();
    await h.call('POST', `/v1/articles/${id}/de/approve`, h.keys.editor, {
      title: 'Die Ukraine wird JEF-Partner',
      body: '<p>Redigiert.</p>',
    });
    const key = { id: await editorKeyId(), name: null };
    const de = (await (
      await h.call('GET', `/v1/articles/${id}/de`, h.keys.publisher)
    ).json()) as Version;
    expect(de).toMatchObject({ editedBy: key.id, editor: key, approvedBy: key.id, approver: key });
    const article = (await (
      await h.call('GET', `/v1/articles/${id}`, h.keys.publisher)
    ).json()) as { languages: Record<string, Version> };
    expect(article.languages.de).toMatchObject({ editor: key, approver: key });
    const page = (await (
      await h.call('GET', '/v1/articles?limit=100', h.keys.publisher)
    ).json()) as { items: { id: string; languages: Record<string, Version> }[] };
    expect(page.items.find((i) => i.id === id)?.languages.de).toMatchObject({
      editor: key,
      approver: key,
    });
  });
});

describe('POST /v1/articles/{id}/{lang}/approve (bad input)', () => {
  it('no draft awaiting review: 409 problem+json that says the state', async () => {
    const id = await held();
    const res = await h.call('POST', `/v1/articles/${id}/fr/approve`, h.keys.editor);
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/fr version is queued/);
    expect((await h.call('POST', `/v1/articles/${id}/en/approve`, h.keys.editor)).status).toBe(409);
  });

  it('an edit that is not a valid correction: 422 naming the field; unknown ids: 404', async () => {
    const id = await held();
    const res = await h.call('POST', `/v1/articles/${id}/de/approve`, h.keys.editor, {
      body: '<p>no title</p>',
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field)).toContain('title');
    expect((await h.store.getTranslation(id, 'de')).status).toBe('needs_review');
    expect((await h.call('POST', '/v1/articles/nope/de/approve', h.keys.editor)).status).toBe(404);
    expect((await h.call('POST', `/v1/articles/${id}/pt/approve`, h.keys.editor)).status).toBe(404);
  });
});

describe('POST /v1/articles/{id}/{lang}/approve (security)', () => {
  it('no key: 401; malformed: 400; unknown: 401; revoked: 401; a publisher: 403', async () => {
    const id = await held();
    const path = `/v1/articles/${id}/de/approve`;
    expect((await h.call('POST', path)).status).toBe(401);
    expect((await h.call('POST', path, 'nope')).status).toBe(400);
    expect((await h.call('POST', path, `tdg_${'A'.repeat(43)}`)).status).toBe(401);
    const created = await h.store.createKey({ name: 'gone', role: 'editor' });
    await h.store.revokeKey(created.id);
    expect((await h.call('POST', path, created.token)).status).toBe(401);
    expect((await h.call('POST', path, h.keys.publisher)).status).toBe(403);
    expect((await h.store.getTranslation(id, 'de')).status).toBe('needs_review');
    expect((await h.call('POST', path, h.keys.admin)).status).toBe(200);
  });
});
