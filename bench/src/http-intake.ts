import { apiHarness } from '@tidings/api/testing';
import {
  type BareIntake,
  bareIntake,
  postgresProblem,
  privateSchema,
} from '@tidings/store/testing';
import { Hono } from 'hono';
import { type BenchRow, ratioRow } from './bench-row.ts';
import { seedHtml } from './corpus.ts';
import { listen } from './http-server.ts';
import { type LoadResult, loadTest } from './load-test.ts';

/** Sizes of the HTTP intake benchmark. */
export interface IntakeOptions {
  readonly seconds: number;
  readonly connections: number;
  /** PostgreSQL to measure on as well (a fresh schema, dropped afterwards); skipped if down. */
  readonly databaseUrl: string;
}

/**
 * `POST /v1/articles` accepted per second and its p99 latency, beside two routes on the same
 * server in the same run: a bare Hono JSON route (no work at all) and a bare store write (the
 * same body inserted as one row in one transaction of the same store, the floor of any
 * intake that answers only once the article is stored). The real API app (apps/api's test
 * harness, real Redis, a unique queue prefix obliterated afterwards) is served by
 * `@hono/node-server` and loaded by autocannon with keep-alive connections from its own
 * process, on the embedded PGlite store and, when reachable, on PostgreSQL.
 *
 * @example
 * const rows = await httpIntake({ seconds: 5, connections: 10, databaseUrl: 'postgres://postgres@127.0.0.1:5432/test' }, console.log);
 */
export async function httpIntake(
  options: IntakeOptions,
  progress: (line: string) => void,
): Promise<BenchRow[]> {
  const rows = await intakeOn('PGlite', undefined, options, progress);
  const problem = await postgresProblem(options.databaseUrl);
  if (problem !== undefined) {
    progress(`  http: PostgreSQL at ${options.databaseUrl} unreachable (${problem}); skipped`);
    return rows;
  }
  const schema = await privateSchema('bench', options.databaseUrl);
  try {
    rows.push(...(await intakeOn('PostgreSQL', schema.url, options, progress)));
  } finally {
    await schema.drop().catch(() => undefined);
  }
  return rows;
}

async function intakeOn(
  label: 'PGlite' | 'PostgreSQL',
  databaseUrl: string | undefined,
  options: IntakeOptions,
  progress: (line: string) => void,
): Promise<BenchRow[]> {
  const harness = await apiHarness({ bodyLimitBytes: 256 * 1024, databaseUrl });
  const bare = benchRoutes(await bareIntake(harness.store));
  const server = await listen((request) =>
    new URL(request.url).pathname.startsWith('/bench/')
      ? bare.fetch(request)
      : harness.app.fetch(request),
  );
  try {
    const body = seedBody();
    const headers = {
      authorization: `Bearer ${harness.keys.publisher}`,
      'content-type': 'application/json',
    };
    const probe = await fetch(`${server.url}/v1/articles`, { method: 'POST', headers, body });
    if (probe.status >= 300)
      throw new Error(`POST /v1/articles answered ${probe.status}: ${await probe.text()}`);
    const load = { seconds: options.seconds, connections: options.connections };
    const run = async (name: string, path: string, post: boolean): Promise<LoadResult> => {
      const result = await loadTest(
        `${server.url}${path}`,
        post ? { ...load, method: 'POST', headers, body } : load,
      );
      progress(
        `  http ${label} ${name}: ${result.perSecond.toFixed(0)}/s, p99 ${result.p99} ms, non-2xx ${result.non2xx}`,
      );
      return result;
    };
    const nothing = await run('bare route', '/bench/bare', false);
    const write = await run('bare store write', '/bench/write', true);
    const post = await run('POST /v1/articles', '/v1/articles', true);
    const section = 'http';
    const note = `${options.connections} keep-alive connections, ${options.seconds} s`;
    return [
      {
        section,
        name: `${label}: bare Hono JSON route, requests/s`,
        value: nothing.perSecond,
        unit: 'req/s',
        note: `${note}; p99 ${nothing.p99} ms`,
      },
      {
        section,
        name: `${label}: bare store write, requests/s`,
        value: write.perSecond,
        unit: 'req/s',
        note: `the same body, one INSERT in one transaction; p99 ${write.p99} ms`,
      },
      {
        section,
        name: `${label}: POST /v1/articles accepted/s`,
        value: post.perSecond,
        unit: 'req/s',
        note: `${note}; ${body.length} B body; non-2xx ${post.non2xx}, errors ${post.errors}`,
      },
      {
        section,
        name: `${label}: POST /v1/articles p99`,
        value: post.p99,
        unit: 'ms',
        note: `p50 ${post.p50} ms`,
      },
      // The bar (issue 21): against the floor of any intake that stores the article before it
      // answers, not against a route that does no work at all.
      ratioRow(
        section,
        `${label}: POST / bare store write`,
        post.perSecond / write.perSecond,
        { op: '>=', value: 0.25 },
        'the same body, the same store, the same run',
      ),
      ratioRow(
        section,
        `${label}: POST / bare route`,
        post.perSecond / nothing.perSecond,
        undefined,
        'no target: the bare route does no work',
      ),
    ];
  } finally {
    await server.close();
    await harness.close();
  }
}

/** The two comparison routes: one that does nothing, one that stores the body and nothing else. */
function benchRoutes(intake: BareIntake): Hono {
  return new Hono()
    .get('/bench/bare', (c) => c.json({ ok: true }))
    .post('/bench/write', async (c) => {
      return c.json({ id: await intake.write(await c.req.text()) }, 201);
    });
}

/** The longer seed article as a publisher posts it. */
function seedBody(): string {
  return JSON.stringify({ ...seedHtml('jef-extended-partner.txt'), language: 'en' });
}
