import { apiHarness } from '@tidings/api/testing';
import { Hono } from 'hono';
import { type BenchRow, ratioRow } from './bench-row.ts';
import { seedArticle } from './corpus.ts';
import { listen } from './http-server.ts';
import { loadTest } from './load-test.ts';

/**
 * `POST /v1/articles` accepted per second and its p99 latency, beside a bare Hono JSON route
 * on the same server in the same run: the real API app (apps/api's test harness: PGlite store
 * in a temp dir, real Redis, a unique queue prefix obliterated afterwards) served by
 * `@hono/node-server`, loaded by autocannon with keep-alive connections from its own process.
 *
 * @example
 * const rows = await httpIntake({ seconds: 5, connections: 10 }, console.log);
 */
export async function httpIntake(
  options: { seconds: number; connections: number },
  progress: (line: string) => void,
): Promise<BenchRow[]> {
  const harness = await apiHarness({ bodyLimitBytes: 256 * 1024 });
  const bare = new Hono().get('/bench/bare', (c) => c.json({ ok: true }));
  const server = await listen((request) =>
    new URL(request.url).pathname === '/bench/bare'
      ? bare.fetch(request)
      : harness.app.fetch(request),
  );
  try {
    const seed = seedArticle('jef-extended-partner.txt');
    const body = JSON.stringify({
      title: seed.title,
      body: seed.paragraphs
        .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
        .join(''),
      language: 'en',
    });
    const probe = await fetch(`${server.url}/v1/articles`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${harness.keys.publisher}`,
        'content-type': 'application/json',
      },
      body,
    });
    if (probe.status >= 300)
      throw new Error(`POST /v1/articles answered ${probe.status}: ${await probe.text()}`);
    const load = { seconds: options.seconds, connections: options.connections };
    const bareResult = await loadTest(`${server.url}/bench/bare`, load);
    progress(`  http bare route: ${bareResult.perSecond.toFixed(0)}/s, p99 ${bareResult.p99} ms`);
    const post = await loadTest(`${server.url}/v1/articles`, {
      ...load,
      method: 'POST',
      headers: {
        authorization: `Bearer ${harness.keys.publisher}`,
        'content-type': 'application/json',
      },
      body,
    });
    progress(
      `  http POST /v1/articles: ${post.perSecond.toFixed(0)}/s, p99 ${post.p99} ms, non-2xx ${post.non2xx}`,
    );
    const section = 'http';
    const note = `${options.connections} keep-alive connections, ${options.seconds} s`;
    return [
      {
        section,
        name: 'bare Hono JSON route, requests/s',
        value: bareResult.perSecond,
        unit: 'req/s',
        note,
      },
      { section, name: 'bare Hono JSON route, p99', value: bareResult.p99, unit: 'ms', note },
      {
        section,
        name: 'POST /v1/articles accepted/s',
        value: post.perSecond,
        unit: 'req/s',
        note: `${note}; ${body.length} B body; non-2xx ${post.non2xx}, errors ${post.errors}`,
      },
      {
        section,
        name: 'POST /v1/articles p99',
        value: post.p99,
        unit: 'ms',
        note: `p50 ${post.p50} ms`,
      },
      ratioRow(section, 'POST / bare route', post.perSecond / bareResult.perSecond, {
        op: '>=',
        value: 0.25,
      }),
    ];
  } finally {
    await server.close();
    await harness.close();
  }
}
