import { createLogger } from '@tidings/core';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { ApiEnv } from '../env.ts';
import { Syndication } from '../site/syndication.ts';
import { type SiteHarness, seedContent, siteHarness } from '../testing/site-harness.ts';

const ARTICLES = 10_000;
const REQUESTS = 200;

function percentile(sorted: readonly number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

describe(`a language with ${ARTICLES.toLocaleString('en')} articles`, () => {
  let h: SiteHarness;

  beforeAll(async () => {
    h = await siteHarness();
    const body = seedContent('jef-extended-partner.txt').body;
    const started = performance.now();
    await h.publishBulk(ARTICLES, body);
    console.log(`inserted ${ARTICLES} articles in ${Math.round(performance.now() - started)} ms`);
  }, 300_000);
  afterAll(() => h.close());

  async function measure(app: Hono<ApiEnv>, syndication: Syndication, label: string) {
    for (const file of ['atom.xml', 'rss.xml', 'feed.json']) {
      const path = `/feeds/en/${file}`;
      const rendersBefore = syndication.renders;
      let t = performance.now();
      const first = await app.request(path);
      const body = await first.text();
      const firstMs = performance.now() - t;
      expect(first.status).toBe(200);
      expect(body).toContain('bulk-10000');
      expect(syndication.renders).toBe(rendersBefore + 1);

      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        t = performance.now();
        const res = await app.request(path);
        await res.arrayBuffer();
        times.push(performance.now() - t);
        expect(res.status).toBe(200);
      }
      expect(syndication.renders, 'cached requests render nothing').toBe(rendersBefore + 1);
      times.sort((a, b) => a - b);
      console.log(
        `${label} ${path}: first ${firstMs.toFixed(1)} ms; cached over ${REQUESTS}: p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms`,
      );
    }
  }

  it('renders the first page once and serves every later request from the cache', {
    timeout: 300_000,
  }, async () => {
    // Every request asks the store for the listing version (the multi-process worst case).
    await measure(h.app, h.syndication, '[version read per request]');
    // The default: a version read is trusted for a second; onChange clears it at once.
    const logger = createLogger({ logLevel: 'silent', logFormat: 'json' }, 'test');
    const syndication = new Syndication({ store: h.store, publicUrl: 'http://news.test', logger });
    await measure(
      createApp({ logger, readiness: [], site: syndication }),
      syndication,
      '[version trusted 1 s]',
    );
    const started = performance.now();
    for (let i = 0; i < 20; i++) await h.store.listingVersion('en');
    console.log(
      `listing version query alone: ${((performance.now() - started) / 20).toFixed(2)} ms on average`,
    );
  });

  it('pages back into the archive with the keyset cursor', async () => {
    const feed = (await (await h.get('/feeds/en/feed.json')).json()) as {
      items: { id: string }[];
      next_url: string;
    };
    expect(feed.items).toHaveLength(50);
    const older = (await (await h.get(feed.next_url.replace('http://news.test', ''))).json()) as {
      items: { url: string }[];
    };
    expect(older.items[0]?.url).toBe('http://news.test/en/articles/bulk-9950');
  });
});
