import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ArticleContent, DEFAULT_MAX_ARTICLE_CHARS, largeTextWorkDone } from '@tidings/core';
import { afterAll, describe, expect, it } from 'vitest';
import { PageBodySanitizer } from '../site/page-body-sanitizer.ts';
import { type SiteHarness, siteHarness } from '../testing/site-harness.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tidings-feed-bodies-'));
const opened: SiteHarness[] = [];
afterAll(async () => {
  await Promise.all(opened.map((h) => h.close()));
  rmSync(scratch, { recursive: true, force: true });
});

const LIVE = /<script|onerror|javascript:/i;
const FORMATS = ['rss.xml', 'atom.xml', 'feed.json'];

/** An article of the largest size Tidings accepts, with no summary, and markup that must not live. */
function largest(place: string): ArticleContent {
  const paragraph = `<p>Ministers met in <b>${place}</b> <a href="/about">about</a> today.</p>`;
  const tail = '<p>Live? <script>alert(1)</script><img src="x" onerror="alert(2)"></p>';
  const body = paragraph.repeat(
    Math.floor((DEFAULT_MAX_ARTICLE_CHARS - tail.length) / paragraph.length),
  );
  return { title: `Ministers in ${place}`, summary: '', body: body + tail, categories: [] };
}

describe('a feed with an article of the largest size', () => {
  it('sanitizes and excerpts its body on the sanitizing thread, once, never on the event loop', async () => {
    const h = await siteHarness();
    opened.push(h);
    await h.publish('en', largest('Riga'));
    const onLoop = largeTextWorkDone();
    const feeds: string[] = [];
    for (const format of FORMATS) {
      const res = await h.get(`/feeds/en/${format}`);
      expect(res.status).toBe(200);
      feeds.push(await res.text());
    }
    expect(largeTextWorkDone(), 'nothing large sanitized on the event loop').toBe(onLoop);
    expect(
      h.syndication.feedTexts.offThread,
      'its HTML and its excerpt, once for three formats',
    ).toBe(2);
    for (const feed of feeds) {
      expect(feed).not.toMatch(LIVE);
      expect(feed).toContain('Ministers met in Riga about today.');
    }
    expect(feeds[1], 'links made absolute for readers').toContain('http://news.test/about');
    // Another article changes the listing: every feed is rendered again, the large body kept.
    await h.publish('en', { ...largest('Oslo'), body: '<p>Short news from Oslo.</p>' });
    expect(await (await h.get('/feeds/en/atom.xml')).text()).toContain('Short news from Oslo.');
    expect(largeTextWorkDone()).toBe(onLoop);
    expect(h.syndication.feedTexts.offThread).toBe(2);
  }, 120_000);

  it('is still served, sanitized on the event loop, when the thread cannot start', async () => {
    const broken = join(scratch, 'broken-thread.mjs');
    writeFileSync(broken, "throw new Error('no thread today');\n");
    const h = await siteHarness({
      sanitizer: new PageBodySanitizer({ entry: pathToFileURL(broken) }),
    });
    opened.push(h);
    await h.publish('en', largest('Tallinn'));
    const onLoop = largeTextWorkDone();
    const res = await h.get('/feeds/en/rss.xml');
    expect(res.status).toBe(200);
    const feed = await res.text();
    expect(feed).not.toMatch(LIVE);
    expect(feed).toContain('Ministers met in Tallinn about today.');
    expect(h.syndication.feedTexts.offThread).toBe(0);
    expect(largeTextWorkDone(), 'its HTML and its excerpt, on the event loop').toBe(onLoop + 2);
  }, 120_000);
});
