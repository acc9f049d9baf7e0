import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness({ rateLimitPerMinute: 3 });
});
afterAll(() => h.close());

describe('per-key rate limit', () => {
  it('answers 429 with Retry-After once a key has used its budget, and counts keys apart', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await h.call('GET', '/v1/articles/x', h.keys.editor)).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
    const limited = await h.call('GET', '/v1/articles/x', h.keys.editor);
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { type: string }).type).toBe(
      'http://news.test/docs/problems/rate-limited',
    );
    // Another key still has its own budget.
    expect((await h.call('GET', '/v1/articles/x', h.keys.publisher)).status).toBe(404);
  });
});
