import { type SiteHarness, seedContent, siteHarness } from '@tidings/api/testing';
import { type BenchRow, ratioRow } from './bench-row.ts';
import { listen } from './http-server.ts';
import { type LoadResult, loadTest } from './load-test.ts';

async function measureFeed(
  articles: number,
  options: { seconds: number; connections: number },
): Promise<LoadResult & { insertMs: number }> {
  let harness: SiteHarness | undefined;
  try {
    // A listing version trusted for a second, as the API's own Syndication does by default.
    harness = await siteHarness({ versionTtlMs: 1000 });
    const started = performance.now();
    await harness.publishBulk(articles, seedContent('jef-extended-partner.txt').body);
    const insertMs = performance.now() - started;
    const app = harness.app;
    const server = await listen((request) => app.fetch(request));
    try {
      const first = await fetch(`${server.url}/feeds/en/rss.xml`);
      if (first.status !== 200) throw new Error(`GET /feeds/en/rss.xml answered ${first.status}`);
      await first.arrayBuffer();
      return { ...(await loadTest(`${server.url}/feeds/en/rss.xml`, options)), insertMs };
    } finally {
      await server.close();
    }
  } finally {
    await harness?.close();
  }
}

/**
 * `GET /feeds/{lang}/rss.xml` p50/p99 with 1,000 and with 10,000 published articles: the real
 * app over a real PGlite store, served by `@hono/node-server`, autocannon with keep-alive
 * connections. Answers "not available" rows when the feed routes or the schema are not there.
 *
 * @example
 * const rows = await feedLatency({ seconds: 5, connections: 10 }, console.log);
 */
export async function feedLatency(
  options: { seconds: number; connections: number },
  progress: (line: string) => void,
): Promise<BenchRow[]> {
  const section = 'feed';
  const results = new Map<number, LoadResult>();
  const rows: BenchRow[] = [];
  for (const articles of [1000, 10_000]) {
    try {
      const r = await measureFeed(articles, options);
      results.set(articles, r);
      progress(
        `  feed ${articles} articles: p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.perSecond.toFixed(0)}/s`,
      );
      const note = `${options.connections} connections, ${options.seconds} s; non-2xx ${r.non2xx}; inserted in ${(r.insertMs / 1000).toFixed(1)} s`;
      rows.push(
        {
          section,
          name: `rss.xml p50, ${articles.toLocaleString('en')} articles`,
          value: r.p50,
          unit: 'ms',
          note,
        },
        {
          section,
          name: `rss.xml p99, ${articles.toLocaleString('en')} articles`,
          value: r.p99,
          unit: 'ms',
          note: `${r.perSecond.toFixed(0)} req/s`,
        },
      );
    } catch (error) {
      const reason = `not available: ${(error as Error).message.slice(0, 120)}`;
      progress(`  feed ${articles} articles: ${reason}`);
      rows.push({
        section,
        name: `rss.xml, ${articles.toLocaleString('en')} articles`,
        value: Number.NaN,
        unit: 'ms',
        note: reason,
      });
    }
  }
  const small = results.get(1000);
  const large = results.get(10_000);
  if (small && large) {
    rows.push(
      ratioRow(section, 'p99 at 10,000 / p99 at 1,000', large.p99 / small.p99, {
        op: '<=',
        value: 1.5,
      }),
    );
  }
  return rows;
}
