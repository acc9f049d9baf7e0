import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';

let h: ApiHarness;
let articleId = '';
beforeAll(async () => {
  h = await apiHarness({ bodyLimitBytes: 8 * 1024 });
  const res = await h.call('POST', '/v1/articles', h.keys.publisher, {
    title: 'Fuzz target',
    body: '<p>Ukraine</p>',
    language: 'en',
  });
  articleId = ((await res.json()) as { id: string }).id;
});
afterAll(() => h.close());

const RUNS = 10_000;

const segment = fc.oneof(
  fc.constantFrom('en', 'uk', 'xx', '..', '%00', '__proto__', 'constructor', ''),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.uuid(),
);

const path = fc.oneof(
  { arbitrary: fc.constant('/v1/articles'), weight: 4 },
  {
    arbitrary: fc
      .tuple(fc.oneof(segment, fc.constant('ARTICLE'), fc.constant('ARTICLE')), fc.option(segment))
      .map(([id, lang]) => `/v1/articles/${id}${lang === null ? '' : `/${lang}`}`),
    weight: 4,
  },
  fc.constant('/v1/keys'),
  segment.map((id) => `/v1/keys/${id}`),
  fc
    .tuple(segment, fc.constantFrom('rss.xml', 'atom.xml', 'feed.json', 'x.xml'))
    .map(([lang, file]) => `/feeds/${lang}/${file}`),
);

const body = fc.oneof(
  { arbitrary: fc.json({ maxDepth: 3 }), weight: 2 },
  { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
  {
    weight: 6,
    arbitrary: fc
      .record(
        {
          title: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
          body: fc.oneof(fc.string(), fc.constant('<script>x</script>'), fc.array(fc.string())),
          language: fc.oneof(fc.constantFrom('en', 'es', 'uk', 'ru'), fc.string()),
          categories: fc.oneof(fc.array(fc.string()), fc.string()),
          image: fc.oneof(fc.record({ url: fc.webUrl(), alt: fc.string() }), fc.anything()),
          __proto__: fc.oneof(fc.constant(undefined), fc.object()),
        },
        { requiredKeys: [] },
      )
      .map((o) => JSON.stringify(o)),
  },
  { arbitrary: fc.constant('x'.repeat(10_000)), weight: 1 },
);

const request = fc.record({
  method: fc.oneof(
    { arbitrary: fc.constantFrom('POST', 'PUT'), weight: 3 },
    { arbitrary: fc.constantFrom('GET', 'DELETE', 'PATCH'), weight: 1 },
  ),
  path,
  auth: fc.oneof(
    { arbitrary: fc.constantFrom('publisher', 'editor'), weight: 4 },
    { arbitrary: fc.constantFrom('none', 'admin', 'garbage', 'basic', 'revoked-like'), weight: 1 },
  ),
  contentType: fc.constantFrom(
    'application/json',
    'application/json',
    undefined,
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/problem+json',
  ),
  body: fc.option(body),
});

describe('the API under 10,000 generated malformed requests', () => {
  it('never answers 5xx, and every error from /v1 is problem+json', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: Record<string, string> = {};
        const keys: Record<string, string> = {
          publisher: h.keys.publisher,
          editor: h.keys.editor,
          admin: h.keys.admin,
          'revoked-like': `tdg_${'Z'.repeat(43)}`,
        };
        if (r.auth === 'garbage') headers.authorization = 'Bearer !!!';
        else if (r.auth === 'basic') headers.authorization = 'Basic Zm9vOmJhcg==';
        else if (r.auth !== 'none') headers.authorization = `Bearer ${keys[r.auth]}`;
        if (r.contentType) headers['content-type'] = r.contentType;
        const withBody = r.body !== null && r.method !== 'GET';
        const res = await h.app.request(r.path.replace('ARTICLE', articleId), {
          method: r.method,
          headers,
          body: withBody ? r.body : undefined,
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status, `${r.method} ${r.path}`).toBeLessThan(500);
        if (res.status >= 400 && r.path.startsWith('/v1/')) {
          expect(res.headers.get('content-type'), `${r.method} ${r.path} ${res.status}`).toMatch(
            /^application\/problem\+json/,
          );
          const problem = (await res.json()) as { type: string; status: number; detail: string };
          expect(problem.status).toBe(res.status);
          expect(problem.type).toMatch(/^\/problems\//);
          expect(problem.detail).toBeTruthy();
        } else {
          await res.arrayBuffer();
        }
      }),
      { numRuns: RUNS },
    );
    // The generator reached past authentication and validation, not only the first gate.
    expect([...statuses.keys()].filter((s) => s < 300).length).toBeGreaterThan(0);
    expect(statuses.get(422) ?? 0).toBeGreaterThan(100);
    expect(statuses.get(401) ?? 0).toBeGreaterThan(0);
  }, 600_000);
});
