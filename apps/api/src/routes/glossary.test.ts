import { publishedGlossaryVersion, readPublishedGlossary } from '@tidings/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(() => h.close());

interface GlossaryView {
  version: number;
  terms: { source: string; translations?: Record<string, string>; updatedBy: string | null }[];
}

const glossary = async (key = h.keys.editor) =>
  (await (await h.call('GET', '/v1/glossary', key)).json()) as GlossaryView;

describe('/v1/glossary', () => {
  it('adds, replaces and removes terms, each a new version handed to the workers', async () => {
    expect(await glossary()).toEqual({ version: 0, terms: [] });
    const put = await h.call(
      'PUT',
      `/v1/glossary/${encodeURIComponent('Chas Pravdy')}`,
      h.keys.editor,
      {},
    );
    expect(put.status).toBe(201);
    expect(await put.json()).toMatchObject({
      version: 1,
      term: { source: 'Chas Pravdy', caseSensitive: true },
    });
    expect(await publishedGlossaryVersion(h.redis, h.prefix)).toBe(1);
    const fixed = await h.call('PUT', '/v1/glossary/JEF', h.keys.admin, {
      translations: { uk: 'ОЕС' },
      from: 'en',
    });
    expect(fixed.status).toBe(201);
    const again = await h.call('PUT', '/v1/glossary/JEF', h.keys.editor, {
      translations: { uk: 'ОЕС', es: 'FEC' },
    });
    expect(again.status).toBe(200);
    expect(await readPublishedGlossary(h.redis, h.prefix)).toEqual({
      version: 3,
      terms: [
        { source: 'Chas Pravdy', caseSensitive: true },
        { source: 'JEF', translations: { uk: 'ОЕС', es: 'FEC' }, caseSensitive: true },
      ],
    });
    const listed = await glossary(h.keys.admin);
    expect(listed.version).toBe(3);
    expect(listed.terms.map((t) => t.source)).toEqual(['Chas Pravdy', 'JEF']);
    expect(listed.terms[1]?.updatedBy).toEqual(expect.any(String));

    const removed = await h.call('DELETE', '/v1/glossary/JEF', h.keys.editor);
    expect(removed.status).toBe(200);
    expect(await removed.json()).toEqual({ version: 4, removed: 'JEF' });
    expect((await readPublishedGlossary(h.redis, h.prefix))?.terms).toEqual([
      { source: 'Chas Pravdy', caseSensitive: true },
    ]);
    const gone = await h.call('DELETE', '/v1/glossary/JEF', h.keys.editor);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await publishedGlossaryVersion(h.redis, h.prefix)).toBe(4);

    // Who changed what when: newest first, a page at a time, and per term.
    const history = await h.call('GET', '/v1/glossary/history?limit=3', h.keys.editor);
    expect(history.status).toBe(200);
    const page = (await history.json()) as {
      changes: { version: number; source: string; change: string; author: unknown }[];
      next: number | null;
    };
    expect(page.changes.map((c) => [c.version, c.source, c.change])).toEqual([
      [4, 'JEF', 'remove'],
      [3, 'JEF', 'set'],
      [2, 'JEF', 'set'],
    ]);
    expect(page.changes[2]?.author).toEqual({ id: expect.any(String), name: expect.any(String) });
    expect(page.next).toBe(2);
    const older = await h.call('GET', '/v1/glossary/history?before=2', h.keys.admin);
    expect(await older.json()).toMatchObject({
      changes: [
        { version: 1, source: 'Chas Pravdy', change: 'set', term: { caseSensitive: true } },
      ],
      next: null,
    });
    const jef = await h.call('GET', '/v1/glossary/history?term=JEF&limit=1', h.keys.editor);
    expect(await jef.json()).toMatchObject({
      changes: [{ version: 4, term: null, changedAt: expect.any(String) }],
      next: 4,
    });
  });

  it('answers bad input with a 422 problem and changes nothing', async () => {
    const before = await glossary();
    for (const body of [
      { translations: { xx: 'Y' } },
      { translations: { es: ' ' } },
      { from: 'klingon' },
      { caseSensitive: 'yes' },
      { never: true },
      { translations: { es: 'O\u0000TAN' } },
    ]) {
      const res = await h.call('PUT', '/v1/glossary/NATO', h.keys.editor, body);
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    const notJson = await h.call('PUT', '/v1/glossary/NATO', h.keys.editor, '{nope');
    expect(notJson.status).toBe(400);
    const long = await h.call('PUT', `/v1/glossary/${'x'.repeat(201)}`, h.keys.editor, {});
    expect(long.status).toBe(422);
    const blank = await h.call('PUT', '/v1/glossary/%20', h.keys.editor, {});
    expect(blank.status).toBe(422);
    // A NUL character, which the store cannot hold: the term is named, never a 500.
    for (const method of ['PUT', 'DELETE']) {
      const nul = await h.call(method, '/v1/glossary/NA%00TO', h.keys.editor, {});
      expect(nul.status, method).toBe(422);
      expect(((await nul.json()) as { errors: { field: string }[] }).errors).toEqual([
        { field: 'term', message: 'a NUL character (U+0000), which no text may hold' },
      ]);
    }
    for (const query of ['limit=0', 'limit=101', 'before=zero', 'term=', 'what=1', 'term=a%00b']) {
      const res = await h.call('GET', `/v1/glossary/history?${query}`, h.keys.editor);
      expect(res.status, query).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect(await glossary()).toEqual(before);
  });
});

describe('/v1/glossary (security)', () => {
  it('no key: 401; malformed: 400; unknown: 401; revoked: 401; a publisher: 403', async () => {
    const created = await h.store.createKey({ name: 'gone', role: 'editor' });
    await h.store.revokeKey(created.id);
    const before = await glossary();
    for (const [method, body, path] of [
      ['GET', undefined, '/v1/glossary'],
      ['GET', undefined, '/v1/glossary/history'],
      ['PUT', {}, '/v1/glossary/Secret'],
      ['DELETE', undefined, '/v1/glossary/Secret'],
    ] as const) {
      expect((await h.call(method, path, undefined, body)).status).toBe(401);
      expect((await h.call(method, path, 'nope', body)).status).toBe(400);
      expect((await h.call(method, path, `tdg_${'A'.repeat(43)}`, body)).status).toBe(401);
      expect((await h.call(method, path, created.token, body)).status).toBe(401);
      const forbidden = await h.call(method, path, h.keys.publisher, body);
      expect(forbidden.status).toBe(403);
      expect(forbidden.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect(await glossary()).toEqual(before);
  });
});
