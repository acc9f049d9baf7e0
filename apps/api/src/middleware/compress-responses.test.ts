import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SiteHarness, seedContent, siteHarness } from '../testing/site-harness.ts';
import { negotiateEncoding } from './compress-responses.ts';

let h: SiteHarness;
let slug = '';
beforeAll(async () => {
  h = await siteHarness();
  ({ slug } = await h.publish('uk', seedContent('chas-pravdy-jef.txt')));
});
afterAll(() => h.close());

const decode: Record<string, (b: Buffer) => Buffer> = {
  br: brotliDecompressSync,
  gzip: gunzipSync,
};

describe('compressed feeds and pages', () => {
  for (const path of ['/feeds/uk/rss.xml', '/feeds/uk/atom.xml', '/feeds/uk/feed.json']) {
    it(`serves ${path} as brotli or gzip, each with its own ETag and a 304 that keeps it`, async () => {
      const plain = await h.get(path);
      const raw = Buffer.from(await plain.arrayBuffer());
      const text = raw.toString('utf8');
      const etag = plain.headers.get('etag') ?? '';
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
      const tags = new Set([etag]);
      for (const encoding of ['br', 'gzip']) {
        const res = await h.get(path, { 'accept-encoding': encoding });
        expect(res.headers.get('content-encoding')).toBe(encoding);
        expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
        const bytes = Buffer.from(await res.arrayBuffer());
        expect(bytes.byteLength).toBeLessThan(Buffer.byteLength(text));
        // The same bytes as the uncompressed answer, not merely the same text.
        expect(decode[encoding]?.(bytes).equals(raw)).toBe(true);
        const tag = res.headers.get('etag') ?? '';
        tags.add(tag);
        const again = await h.get(path, { 'accept-encoding': encoding, 'if-none-match': tag });
        expect(again.status).toBe(304);
        expect(again.headers.get('etag')).toBe(tag);
        expect(again.headers.get('vary')).toMatch(/accept-encoding/i);
      }
      // One representation, one tag: a cache never serves gzip bytes for a brotli request.
      expect(tags.size).toBe(3);
      const revalidated = await h.get(path, { 'if-none-match': etag });
      expect(revalidated.status).toBe(304);
      expect(revalidated.headers.get('etag')).toBe(etag);
    });
  }

  it('serves an article page compressed', async () => {
    const plain = await (await h.get(`/uk/articles/${slug}`)).text();
    const res = await h.get(`/uk/articles/${slug}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString('utf8')).toBe(plain);
  });

  // RFC 9110: a HEAD answers with the header fields a GET would send, so a cache or a feed
  // reader that checks a feed's ETag with HEAD gets the tag it will be sent.
  it('answers HEAD with the coding, ETag and length GET sends', async () => {
    for (const path of ['/feeds/uk/rss.xml', '/feeds/uk/feed.json', `/uk/articles/${slug}`]) {
      for (const encoding of ['br', 'gzip']) {
        const headers = { 'accept-encoding': encoding };
        const get = await h.get(path, headers);
        await get.arrayBuffer();
        const head = await h.app.request(path, { method: 'HEAD', headers });
        expect(head.status, path).toBe(200);
        expect(await head.text(), path).toBe('');
        for (const name of ['content-encoding', 'etag', 'content-length', 'vary', 'content-type'])
          expect(head.headers.get(name), `${path} ${encoding} ${name}`).toBe(get.headers.get(name));
      }
    }
  });

  it('follows the client’s preference and refusals in Accept-Encoding', () => {
    expect(negotiateEncoding('gzip, br')).toBe('br');
    expect(negotiateEncoding('br;q=0.5, gzip')).toBe('gzip');
    expect(negotiateEncoding('identity')).toBeUndefined();
    expect(negotiateEncoding('*;q=0')).toBeUndefined();
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding(undefined)).toBeUndefined();
  });
});
