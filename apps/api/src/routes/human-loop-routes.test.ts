import type { ApiKeyRole } from '@tidings/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';
import { heldDraft } from '../testing/held-draft.ts';

// Every route of the human loop (the listing, retries, approval, one language version with its
// draft and change, the editor's correction, the glossary) has what every route has: the key
// checks (none, malformed, unknown, revoked, wrong role, another publisher's article),
// problem+json refusals, the per-key rate limit, and its latency timed under its route pattern. One table, so that a route added
// without one of them, or mounted outside the limiter or the metrics, fails here.

/** Requests a key may make per minute here: a fresh key per case, so budgets never mix. */
const BUDGET = 2;

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness({ rateLimitPerMinute: BUDGET, metrics: true });
});
afterAll(() => h.close());

interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The route pattern, as `/metrics` labels the route. */
  readonly pattern: string;
  /** The roles that may call it (admin keys may call every route). */
  readonly roles: readonly ApiKeyRole[];
  /** The request, for an article of the harness's publisher with a German draft held for review. */
  readonly path: (id: string) => string;
  readonly body?: object;
  /** Whether it is about one article, which another publisher may not see. */
  readonly ofArticle: boolean;
  /** Makes what a call needs to succeed (a term to remove). */
  readonly setup?: () => Promise<void>;
}

const anyone: readonly ApiKeyRole[] = ['publisher', 'editor'];
const ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/v1/articles',
    roles: anyone,
    path: () => '/v1/articles?status=needs_review&language=de',
    ofArticle: false,
  },
  {
    method: 'GET',
    pattern: '/v1/articles/:id/:lang',
    roles: anyone,
    path: (id) => `/v1/articles/${id}/de`,
    ofArticle: true,
  },
  {
    method: 'POST',
    pattern: '/v1/articles/:id/retry',
    roles: anyone,
    path: (id) => `/v1/articles/${id}/retry`,
    ofArticle: true,
  },
  {
    method: 'POST',
    pattern: '/v1/articles/:id/:lang/retry',
    roles: anyone,
    path: (id) => `/v1/articles/${id}/de/retry`,
    ofArticle: true,
  },
  {
    method: 'POST',
    pattern: '/v1/articles/:id/:lang/approve',
    roles: ['editor'],
    path: (id) => `/v1/articles/${id}/de/approve`,
    ofArticle: true,
  },
  {
    method: 'PUT',
    pattern: '/v1/articles/:id/:lang',
    roles: ['editor'],
    path: (id) => `/v1/articles/${id}/de`,
    body: { title: 'Der Hafen öffnet wieder', body: '<p>Von Hand korrigiert.</p>' },
    ofArticle: true,
  },
  {
    method: 'GET',
    pattern: '/v1/glossary',
    roles: ['editor'],
    path: () => '/v1/glossary',
    ofArticle: false,
  },
  {
    method: 'GET',
    pattern: '/v1/glossary/history',
    roles: ['editor'],
    path: () => '/v1/glossary/history',
    ofArticle: false,
  },
  {
    method: 'PUT',
    pattern: '/v1/glossary/:term',
    roles: ['editor'],
    path: () => '/v1/glossary/NATO',
    body: {},
    ofArticle: false,
  },
  {
    method: 'DELETE',
    pattern: '/v1/glossary/:term',
    roles: ['editor'],
    path: () => '/v1/glossary/NATO',
    ofArticle: false,
    setup: async () => {
      const editor = await h.store.createKey({ name: 'setup', role: 'editor' });
      await h.store.setGlossaryTerm({ source: 'NATO', caseSensitive: true }, editor.id);
    },
  },
];

const keyOf = async (role: ApiKeyRole) => (await h.store.createKey({ name: role, role })).token;

/** An article with a German draft held for review, posted with a fresh publisher key (`owner`). */
async function held(): Promise<{ id: string; owner: string }> {
  const owner = await keyOf('publisher');
  return { id: await heldDraft(h, { key: owner }), owner };
}

async function expectProblem(res: Response, status: number, code: string) {
  expect(res.status, await res.clone().text()).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = (await res.json()) as { type: string; status: number; detail: string };
  expect(problem.type).toBe(`http://news.test/docs/problems/${code}`);
  expect(problem.status).toBe(status);
  expect(problem.detail).not.toBe('');
}

/** `tidings_http_request_duration_seconds_count` of one route pattern and status, now. */
async function timed(method: string, route: string, status: number): Promise<number> {
  const text = (await h.metrics?.render()) ?? '';
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith('tidings_http_request_duration_seconds_count{') &&
        l.includes(`method="${method}"`) &&
        l.includes(`route="${route}"`) &&
        l.includes(`status="${status}"`),
    );
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe.each(ROUTES)('$method $pattern', (route) => {
  const call = (id: string, key?: string, headers?: Record<string, string>) =>
    h.call(route.method, route.path(id), key, route.body, headers);

  it('refuses no key (401), a malformed one (400), an unknown or revoked one (401), as problem+json', async () => {
    const { id } = await held();
    const before = await timed(route.method, route.pattern, 401);
    const none = await call(id);
    await expectProblem(none, 401, 'unauthorized');
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    await expectProblem(await call(id, 'nope'), 400, 'bad-request');
    await expectProblem(await call(id, `tdg_${'A'.repeat(43)}`), 401, 'unauthorized');
    const revoked = await h.store.createKey({ name: 'gone', role: route.roles.at(-1) ?? 'editor' });
    await h.store.revokeKey(revoked.id);
    await expectProblem(await call(id, revoked.token), 401, 'unauthorized');
    // Timed under the route's pattern, never the raw path, refusals too.
    expect(await timed(route.method, route.pattern, 401)).toBe(before + 3);
  });

  it.skipIf(route.roles.includes('publisher'))('refuses a publisher key: 403', async () => {
    const { id, owner } = await held();
    await expectProblem(await call(id, owner), 403, 'forbidden');
    expect(await timed(route.method, route.pattern, 403)).toBeGreaterThan(0);
  });

  it.skipIf(!route.ofArticle || !route.roles.includes('publisher'))(
    "answers another publisher's article as absent: 404",
    async () => {
      const { id } = await held();
      await expectProblem(await call(id, await keyOf('publisher')), 404, 'not-found');
      // Nothing happened to it.
      expect((await h.store.getTranslation(id, 'de')).status).toBe('needs_review');
    },
  );

  it('lets every role it names (and admin) through', async () => {
    for (const role of [...route.roles, 'admin'] as const) {
      const { id, owner } = await held();
      await route.setup?.();
      const res = await call(id, role === 'publisher' ? owner : await keyOf(role));
      expect(res.status, `${role}: ${await res.clone().text()}`).toBeLessThan(300);
    }
  });

  it('counts against the key: 429 problem+json with Retry-After once its budget is spent, timed', async () => {
    const { id } = await held();
    await route.setup?.();
    // Every one of these routes takes editor keys; the owner's key has spent a request posting.
    const key = await keyOf('editor');
    const before = await timed(route.method, route.pattern, 429);
    for (let i = 0; i < BUDGET; i++) {
      expect((await call(id, key)).status).not.toBe(429);
    }
    const limited = await call(id, key);
    await expectProblem(limited, 429, 'rate-limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await timed(route.method, route.pattern, 429)).toBe(before + 1);
  });
});

describe('GET /v1/articles for another publisher', () => {
  it("lists none of this publisher's articles", async () => {
    const { id } = await held();
    const res = await h.call('GET', '/v1/articles?status=needs_review', await keyOf('publisher'));
    expect(res.status).toBe(200);
    const listing = (await res.json()) as {
      items: { id: string }[];
      counts: { needs_review: number };
    };
    expect(listing.items.map((i) => i.id)).not.toContain(id);
    expect(listing.counts.needs_review).toBe(0);
  });
});
