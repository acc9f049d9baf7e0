import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness({ rateLimitPerMinute: 1000 });
});
afterAll(() => h.close());

interface Listing {
  items: { id: string; title: string; languages: Record<string, { status: string }> }[];
  counts: Record<string, number>;
  nextCursor: string | null;
  links: { next: string | null };
}

async function post(key: string, title: string): Promise<string> {
  const res = await h.call('POST', '/v1/articles', key, {
    title,
    body: '<p>Ukraine has been granted extended partner status.</p>',
    language: 'en',
  });
  return ((await res.json()) as { id: string }).id;
}

async function draft(id: string, language: 'de' | 'fr') {
  await h.store.recordTranslationResult({
    articleId: id,
    language,
    revision: 1,
    model: 'test',
    status: 'needs_review',
    reason: 'placeholder lost',
    content: { title: 'Entwurf', summary: '', body: '<p>x</p>', categories: [] },
  });
}

const list = async (key: string, query: string) => {
  const res = await h.call('GET', `/v1/articles?${query}`, key);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Listing;
};

describe('GET /v1/articles (happy path)', () => {
  it('lists the German drafts awaiting review across two pages, with counts', async () => {
    const marker = `Review ${Date.now()}`;
    const wanted: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await post(h.keys.publisher, `${marker} ${i}`);
      await draft(id, 'de');
      wanted.unshift(id);
      await draft(await post(h.keys.publisher, `${marker} French ${i}`), 'fr');
    }
    const q = encodeURIComponent(marker);
    const first = await list(h.keys.editor, `status=needs_review&language=de&q=${q}&limit=2`);
    expect(first.items).toHaveLength(2);
    expect(first.items[0]?.languages.de?.status).toBe('needs_review');
    expect(first.counts.needs_review).toBe(3);
    expect(first.counts.queued).toBe(3);
    expect(first.links.next).toContain('cursor=');
    const next = new URL(first.links.next ?? '');
    const second = await list(h.keys.editor, next.searchParams.toString());
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(wanted);
  });

  it("shows a publisher only its own articles, and an admin anyone's on request", async () => {
    const marker = `Own ${Date.now()}`;
    const mine = await post(h.keys.publisher, `${marker} mine`);
    const theirs = await post(h.keys.otherPublisher, `${marker} theirs`);
    const q = `q=${encodeURIComponent(marker)}`;
    expect((await list(h.keys.publisher, q)).items.map((i) => i.id)).toEqual([mine]);
    expect((await list(h.keys.editor, q)).items.map((i) => i.id)).toEqual([theirs, mine]);
    const keys = (await (await h.call('GET', '/v1/keys', h.keys.admin)).json()) as {
      keys: { id: string; role: string }[];
    };
    const other = (await h.store.listArticles({ query: `${marker} theirs`, limit: 1 })).items[0]
      ?.publisherKeyId;
    expect(keys.keys.some((k) => k.id === other)).toBe(true);
    expect((await list(h.keys.admin, `${q}&publisher=${other}`)).items.map((i) => i.id)).toEqual([
      theirs,
    ]);
  });
});

describe('GET /v1/articles (bad input)', () => {
  it.each([
    ['limit=101', 'limit'],
    ['limit=0', 'limit'],
    ['status=done', 'status'],
    ['language=pt', 'language'],
    ['publisher=42', 'publisher'],
    ['sort=title', 'sort'],
    // A NUL character, which the store cannot compare: refused by name, never a 500.
    ['q=a%00b', 'q'],
  ])('%s: 422 naming the field', async (query, field) => {
    const res = await h.call('GET', `/v1/articles?${query}`, h.keys.admin);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await res.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field)).toContain(field);
  });

  it('a cursor it did not make: 400', async () => {
    const res = await h.call('GET', '/v1/articles?cursor=bm9wZQ', h.keys.editor);
    expect(res.status).toBe(400);
  });
});

describe('GET /v1/articles (security)', () => {
  it('no key: 401; malformed: 400; unknown: 401; revoked: 401', async () => {
    expect((await h.call('GET', '/v1/articles')).status).toBe(401);
    expect((await h.call('GET', '/v1/articles', 'nope')).status).toBe(400);
    expect((await h.call('GET', '/v1/articles', `tdg_${'A'.repeat(43)}`)).status).toBe(401);
    const created = await h.store.createKey({ name: 'gone', role: 'editor' });
    await h.store.revokeKey(created.id);
    expect((await h.call('GET', '/v1/articles', created.token)).status).toBe(401);
  });

  it('publisher or editor filtering by publisher: 403', async () => {
    const other = (await h.store.createKey({ name: 'x', role: 'publisher' })).id;
    for (const key of [h.keys.publisher, h.keys.editor]) {
      expect((await h.call('GET', `/v1/articles?publisher=${other}`, key)).status).toBe(403);
    }
  });
});
