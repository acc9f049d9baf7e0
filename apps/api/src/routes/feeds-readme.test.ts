import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SiteHarness, seedContent, siteHarness } from '../testing/site-harness.ts';

const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
/** The README's Feeds section, which the route table sends readers to for `?before=`. */
const feedsSection = readme.split(/^## /m).find((s) => s.startsWith('Feeds')) ?? '';

/** The `?before=` address a feed links its next older page by, in each format. */
async function nextLink(h: SiteHarness, path: string): Promise<string | undefined> {
  const body = await (await h.get(path)).text();
  if (path.endsWith('.json')) return (JSON.parse(body) as { next_url?: string }).next_url;
  const rel = path.includes('rss')
    ? /<atom:link rel="next"[^>]*href="([^"]+)"/
    : /<link rel="next"[^>]*href="([^"]+)"/;
  return rel.exec(body)?.[1]?.replaceAll('&amp;', '&');
}

describe("the README's Feeds section on archives (?before=), as the feeds and pages answer", () => {
  let h: SiteHarness;
  // One more than a feed's page and a site page hold, at the default page sizes.
  const ARTICLES = 52;

  beforeAll(async () => {
    h = await siteHarness({ publicUrl: 'https://news.example.org' });
    await h.publishBulk(ARTICLES, seedContent('jef-extended-partner.txt').body);
  }, 120_000);
  afterAll(() => h?.close());

  it('says how many items a feed page holds and by which link each format pages back', async () => {
    expect(feedsSection).toMatch(/`\?before=/);
    expect(feedsSection).toMatch(/\b50 newest\b/);
    for (const [path, named] of [
      ['/feeds/en/rss.xml', '<atom:link rel="next">'],
      ['/feeds/en/atom.xml', '<link rel="next">'],
      ['/feeds/en/feed.json', '`next_url`'],
    ] as const) {
      expect(feedsSection, path).toContain(named);
      const next = await nextLink(h, path);
      expect(next, path).toMatch(/\?before=[\w-]+$/);
      const older = await h.get(new URL(next ?? '').pathname + new URL(next ?? '').search);
      expect(older.status, path).toBe(200);
      const text = await older.text();
      // The archive page holds the rest and is the last: it links to nothing older.
      expect(text, path).toContain('bulk-1');
      expect(await nextLink(h, new URL(next ?? '').pathname + new URL(next ?? '').search)).toBe(
        undefined,
      );
      // It answers a conditional GET as the first page does.
      const etag = older.headers.get('etag') ?? '';
      expect(etag).not.toBe('');
      const again = await h.get(new URL(next ?? '').pathname + new URL(next ?? '').search, {
        'if-none-match': etag,
      });
      expect(again.status, path).toBe(304);
    }
  });

  it('says that a cursor no feed gave is refused, as it is', async () => {
    expect(feedsSection).toMatch(/`400`/);
    expect((await h.get('/feeds/en/atom.xml?before=garbage')).status).toBe(400);
  });

  it("says the site's pages go back 20 articles at a time, as they do", async () => {
    expect(feedsSection).toMatch(/20 articles at a time/);
    const first = await (await h.get('/en/')).text();
    const older = /<a rel="next" href="([^"]+)"/.exec(first)?.[1]?.replaceAll('&amp;', '&');
    expect(older).toMatch(/\/en\/\?before=/);
    const url = new URL(older ?? '');
    const listed = new Set(first.match(/\/en\/articles\/bulk-\d+/g));
    expect(listed.size).toBe(20);
    expect((await h.get(url.pathname + url.search)).status).toBe(200);
  });
});
