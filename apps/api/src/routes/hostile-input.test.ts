import { DEFAULT_MAX_ARTICLE_CHARS, MAX_MARKUP_DEPTH } from '@tidings/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';

interface Problem {
  type: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

let h: ApiHarness;
beforeAll(async () => {
  // The shipped limits: a body of up to 1 MiB, an article of up to 200,000 characters.
  h = await apiHarness({ bodyLimitBytes: 1024 * 1024 });
});
afterAll(() => h.close());

const post = (body: unknown) => h.call('POST', '/v1/articles', h.keys.publisher, body);

async function problem(res: Response): Promise<Problem> {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await res.json()) as Problem;
}

describe('one article size limit, the one the translator takes', () => {
  const title = 'Ukraine joins the JEF';
  // `<p>` and `</p>` are 7 characters of the body; the title counts too.
  const sized = (chars: number) => ({
    title,
    language: 'en',
    body: `<p>${'x'.repeat(chars - title.length - 7)}</p>`,
  });

  it('accepts an article of exactly MAX_ARTICLE_CHARS characters', async () => {
    const res = await post(sized(DEFAULT_MAX_ARTICLE_CHARS));
    expect(res.status).toBe(201);
  });

  it('refuses one character more with a 413 naming the limit and MAX_ARTICLE_CHARS, storing nothing', async () => {
    const before = await h.queue.count();
    const res = await post(sized(DEFAULT_MAX_ARTICLE_CHARS + 1));
    expect(res.status).toBe(413);
    const p = await problem(res);
    expect(p.detail).toContain('200001 characters');
    expect(p.detail).toContain('MAX_ARTICLE_CHARS');
    expect(p.detail).toContain(String(DEFAULT_MAX_ARTICLE_CHARS));
    expect(p.errors?.[0]?.field).toBe('body');
    expect(await h.queue.count()).toBe(before);
  });

  it('names BODY_LIMIT_BYTES when the request itself is too large', async () => {
    const res = await post({ title, language: 'en', body: `<p>${'x'.repeat(1024 * 1024)}</p>` });
    expect(res.status).toBe(413);
    expect((await problem(res)).detail).toContain('BODY_LIMIT_BYTES');
  });
});

describe('deeply nested markup', () => {
  it(`is accepted with its text, flattened below ${MAX_MARKUP_DEPTH} levels`, async () => {
    let open = '';
    let close = '';
    for (let i = 0; i < 30_000; i++) {
      const tag = ['b', 'i', 'em'][i % 3];
      open += `<${tag}>`;
      close = `</${tag}>${close}`;
    }
    const res = await post({
      title: 'Deep',
      language: 'en',
      body: `<p>${open}Ukraine joins the JEF${close}</p>`,
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const stored = await h.store.getArticle(id);
    expect(stored.content.body.replace(/<[^>]*>/g, '')).toBe('Ukraine joins the JEF');
    expect(stored.content.body.match(/<b>/g)?.length).toBeLessThanOrEqual(MAX_MARKUP_DEPTH / 3 + 1);
  });
});
