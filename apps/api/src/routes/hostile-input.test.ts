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
    await h.dispatcher.flush(); // the jobs of the post before, which follow its answer
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

const raw = (body: string | Uint8Array, headers: Record<string, string> = {}) =>
  h.app.request('/v1/articles', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${h.keys.publisher}`,
      'content-type': 'application/json',
      ...headers,
    },
    body,
  });

describe('JSON that cannot be trusted as it is', () => {
  it('refuses nesting 10,000 deep with a 400 naming the depth limit, on every JSON route', async () => {
    const deep = `{"title":"T","body":"<p>x</p>","language":"en","categories":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const res = await raw(deep);
    expect(res.status).toBe(400);
    const p = await problem(res);
    expect(p.detail).toMatch(/deeper than 32 levels \(the JSON depth limit\)/);
    expect(p.errors?.[0]?.field).toMatch(/^categories/);
    const edit = await h.app.request('/v1/keys', {
      method: 'POST',
      headers: { authorization: `Bearer ${h.keys.admin}`, 'content-type': 'application/json' },
      body: `{"name":${'['.repeat(6000)}${']'.repeat(6000)}}`,
    });
    expect(edit.status).toBe(400);
  });

  it('refuses a key given twice with a 400 naming it, rather than keeping the last', async () => {
    const res = await raw('{"title":"Harmless","body":"<p>x</p>","language":"en","title":"Other"}');
    expect(res.status).toBe(400);
    const p = await problem(res);
    expect(p.detail).toContain('title');
    expect(p.errors).toEqual([{ field: 'title', message: 'duplicate key' }]);
  });

  it('says the request body must be a JSON object when it is an array, null or a single value', async () => {
    for (const body of ['[]', '[{"title":"T"}]', 'null', '"text"', '42']) {
      const res = await raw(body);
      expect(res.status, body).toBe(422);
      const p = await problem(res);
      // Not "body: …", which reads like the article's body field.
      expect(p.detail, body).toBe('The request body must be a JSON object ({…}).');
      expect(p.errors, body).toEqual([{ field: '', message: 'must be a JSON object ({…})' }]);
    }
    const de = await h.call('POST', '/v1/articles', h.keys.publisher, '[]', {
      'accept-language': 'de',
    });
    expect((await problem(de)).detail).toBe(
      'Der Body der Anfrage muss ein JSON-Objekt sein ({…}).',
    );
  });

  it('refuses a lone surrogate with a 422 naming the field, rather than storing U+FFFD', async () => {
    const res = await raw('{"title":"Kyiv \\ud800 today","body":"<p>x</p>","language":"en"}');
    expect(res.status).toBe(422);
    const p = await problem(res);
    expect(p.errors?.map((e) => e.field)).toEqual(['title']);
  });

  it('refuses a NUL character in any string with a 422 naming the field, never a 500', async () => {
    // No schema checks image.url for U+0000 (z.url keeps the string): only the body's walk does.
    const res = await post({
      title: 'Kyiv today',
      body: '<p>x</p>',
      language: 'en',
      image: { url: 'https://x.test/a\u0000b.jpg', alt: 'a' },
      categories: ['News', 'Wo\u0000rld'],
    });
    expect(res.status).toBe(422);
    const p = await problem(res);
    expect(p.errors).toEqual([
      { field: 'categories.1', message: 'a NUL character (U+0000), which no text may hold' },
      { field: 'image.url', message: 'a NUL character (U+0000), which no text may hold' },
    ]);
    expect(p.detail).toContain('image.url');
  });

  it('refuses bytes that are not UTF-8 with a 400 naming the field', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"title":"Kyiv","summary":"bad '),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('","body":"<p>x</p>","language":"en"}'),
    ]);
    const res = await raw(bytes);
    expect(res.status).toBe(400);
    const p = await problem(res);
    expect(p.detail).toContain('UTF-8');
    expect(p.errors?.map((e) => e.field)).toEqual(['summary']);
  });

  it('answers a gzip-compressed body with a 415 that says so, echoing none of its bytes', async () => {
    const { gzipSync } = await import('node:zlib');
    const res = await raw(gzipSync('{"title":"T","body":"<p>x</p>","language":"en"}'), {
      'content-encoding': 'gzip',
    });
    expect(res.status).toBe(415);
    expect((await problem(res)).detail).toMatch(/Content-Encoding gzip is not accepted/);
  });

  it('says where malformed JSON breaks without quoting binary input back', async () => {
    const res = await raw(Buffer.from([0x1f, 0x01, 0x02, 0x7b, 0x03, 0x00]));
    expect(res.status).toBe(400);
    const p = await problem(res);
    expect(p.detail).toMatch(/^The body is not valid JSON/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence.
    expect(p.detail).not.toMatch(/[\u0000-\u0008\u001f]/);
  });
});

describe('bidi controls', () => {
  it('are removed from the title, summary and body, so text shows in the order it is stored', async () => {
    const res = await post({
      title: 'Invoice \u202Efdp.exe\u202C today',
      summary: 'A \u2067isolate',
      body: '<p>Body \u202Dforced\u202C text</p>',
      language: 'en',
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const { content } = await h.store.getArticle(id);
    expect(content.title).toBe('Invoice fdp.exe today');
    expect(content.summary).toBe('A isolate');
    expect(content.body).toBe('<p>Body forced text</p>');
  });
});

describe('an address holding a NUL character', () => {
  // No store can hold U+0000, so a slug or category holding one names nothing: a 404, never the
  // 500 the store's refusal would be (found by the route fuzzer on /feeds/en/categories/%00/).
  it.each([
    '/feeds/en/categories/%00/feed.json',
    '/feeds/en/categories/news%00/rss.xml',
    '/feeds/de/categories/%00/atom.xml',
    '/en/articles/%00',
    '/es/articles/fuzz%00target',
  ])('GET %s is a 404', async (path) => {
    const res = await h.call('GET', path, undefined);
    expect(res.status).toBe(404);
  });
});
