import { once } from 'node:events';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from '@tidings/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer } from './http-server.ts';
import { type ApiHarness, apiHarness } from './testing/api-harness.ts';

let h: ApiHarness;
let server: Server;
let port = 0;
/** What the app and the server log, at debug and above. */
const logs: { level: number; msg: string }[] = [];
const logger = createLogger({ logLevel: 'debug', logFormat: 'json' }, 'test', false, {
  write: (line: string) => {
    logs.push(JSON.parse(line) as { level: number; msg: string });
  },
});
beforeAll(async () => {
  h = await apiHarness({ logger });
  server = await new Promise<Server>((resolve) => {
    const s = startHttpServer(
      {
        app: h.app,
        logger,
        port: 0,
        hostname: '127.0.0.1',
        requestTimeoutMs: 2000,
        headersTimeoutMs: 1000,
      },
      () => resolve(s),
    );
  });
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await h.close();
});

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends bytes as they are on a fresh connection and reads everything until it closes. */
function raw(request: string | Buffer): Promise<RawResponse[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(parseResponses(Buffer.concat(chunks).toString('utf8'))));
    socket.write(request);
    // The client never closes first: the server must answer and close by itself.
    setTimeout(() => socket.destroy(), 15_000).unref();
  });
}

function parseResponses(text: string): RawResponse[] {
  const out: RawResponse[] = [];
  let rest = text;
  while (rest.startsWith('HTTP/1.1 ')) {
    const end = rest.indexOf('\r\n\r\n');
    const [statusLine = '', ...lines] = rest.slice(0, end).split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const i = line.indexOf(':');
      headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    const body = Buffer.from(rest.slice(end + 4))
      .subarray(0, length)
      .toString('utf8');
    out.push({ status: Number(statusLine.split(' ')[1]), headers, body });
    rest = Buffer.from(rest.slice(end + 4))
      .subarray(length)
      .toString('utf8');
  }
  return out;
}

function expectProblem(res: RawResponse | undefined, status: number): { detail: string } {
  expect(res?.status).toBe(status);
  expect(res?.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(res?.body ?? '') as { status: number; detail: string; type: string };
  expect(problem.status).toBe(status);
  expect(problem.type).toMatch(/^http:\/\/[^/]+\/docs\/problems\/[a-z-]+$/);
  return problem;
}

const json = '{"title":"Kyiv","body":"<p>x</p>","language":"en"}';
const auth = () => `Authorization: Bearer ${h.keys.publisher}\r\n`;

describe('what Node and the adapter refuse is problem+json', () => {
  it('answers an invalid Host header with 400, before authentication', async () => {
    const [res] = await raw(
      'GET /v1/articles/x HTTP/1.1\r\nHost: 1.2.3.4.5\r\nConnection: close\r\n\r\n',
    );
    expect(expectProblem(res, 400).detail).toMatch(/Host/);
    const [odd] = await raw('GET /healthz HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n');
    expectProblem(odd, 400);
  });

  it('answers a body shorter than its Content-Length with 408 once REQUEST_TIMEOUT_MS has passed', async () => {
    const started = Date.now();
    const responses = await raw(
      `POST /v1/articles HTTP/1.1\r\nHost: localhost\r\n${auth()}Content-Type: application/json\r\nContent-Length: 500\r\n\r\n${json}`,
    );
    expectProblem(responses[0], 408);
    // Seconds, as configured here (2 s), not Node's default of five minutes.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('answers headers that never end with 408', async () => {
    const responses = await raw('GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: 1\r\n');
    expectProblem(responses[0], 408);
  });

  it('answers conflicting Content-Length headers with 400', async () => {
    const responses = await raw(
      `POST /v1/articles HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 10\r\nContent-Length: 20\r\n\r\n${json}`,
    );
    expectProblem(responses[0], 400);
  });

  it('answers a bad chunk size with 400', async () => {
    const responses = await raw(
      'POST /v1/articles HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
    );
    expect(responses.at(-1)?.status).toBe(400);
    expectProblem(responses.at(-1), 400);
  });

  it('answers folded headers with 400', async () => {
    const responses = await raw(
      'GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Folded: a\r\n  b\r\nConnection: close\r\n\r\n',
    );
    expectProblem(responses[0], 400);
  });

  it('answers 64 KB of headers with 431', async () => {
    const responses = await raw(
      `GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`,
    );
    expectProblem(responses[0], 431);
  });

  it('tells what the parser refused by code, in English, and says so (no Accept-Language was read)', async () => {
    const [large] = await raw(
      `GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`,
    );
    expect(large?.headers['content-language']).toBe('en');
    expect(expectProblem(large, 431).detail).toBe('The request headers are too large.');
    const [twice] = await raw(
      `POST /v1/articles HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 10\r\nContent-Length: 20\r\n\r\n${json}`,
    );
    expect(twice?.headers['content-language']).toBe('en');
    expect(expectProblem(twice, 400).detail).toMatch(/^The request is not valid HTTP\/1\.1 \(HPE_/);
  });

  it('answers the bytes after a body longer than its Content-Length as a bad request of their own', async () => {
    const responses = await raw(
      `POST /v1/articles HTTP/1.1\r\nHost: localhost\r\n${auth()}Content-Type: application/json\r\nContent-Length: ${json.length}\r\n\r\n${json}trailing garbage\r\n\r\n`,
    );
    expect(responses[0]?.status, responses[0]?.body).toBe(201);
    expectProblem(responses[1], 400);
  });
});

describe('a client that hangs up', () => {
  it('is logged at debug as an abort, not as an unhandled error', async () => {
    const from = logs.length;
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write(
      `POST /v1/articles HTTP/1.1\r\nHost: localhost\r\n${auth()}Content-Type: application/json\r\nContent-Length: 4000\r\n\r\n{"title":"Kyiv","body":"<p>`,
    );
    await sleep(300);
    socket.destroy();
    const until = Date.now() + 10_000;
    while (!logs.slice(from).some((l) => l.msg === 'client aborted') && Date.now() < until)
      await sleep(50);
    const seen = logs.slice(from);
    expect(seen.find((l) => l.msg === 'client aborted')?.level, JSON.stringify(seen)).toBe(20);
    expect(seen.filter((l) => l.level >= 40)).toEqual([]);
  });
});

describe('methods and paths', () => {
  it('answers a method a path does not take with 405 and Allow', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/v1/keys`, { method: 'PATCH' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')?.split(', ').sort()).toEqual(['GET', 'HEAD', 'POST']);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const feed = await fetch(`http://127.0.0.1:${port}/healthz`, { method: 'DELETE' });
    expect(feed.status).toBe(405);
    expect(feed.headers.get('allow')).toContain('GET');
  });

  it('still answers an unknown path with 404', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/nothing/here`, { method: 'PATCH' });
    expect(res.status).toBe(404);
  });

  it('serves the queue dashboard with and without a trailing slash', async () => {
    const headers = { authorization: `Bearer ${h.keys.admin}` };
    const slash = await fetch(`http://127.0.0.1:${port}/admin/queues/`, {
      headers,
      redirect: 'manual',
    });
    expect(slash.status).toBe(301);
    expect(new URL(slash.headers.get('location') ?? '').pathname).toBe('/admin/queues');
    const page = await fetch(`http://127.0.0.1:${port}/admin/queues/`, { headers });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
  });
});
