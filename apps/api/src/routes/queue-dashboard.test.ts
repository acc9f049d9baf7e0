import { type ServerType, serve } from '@hono/node-server';
import { createLogger } from '@tidings/core';
import { createRedisConnection, translateQueue, whenReady } from '@tidings/queue';
import { PrivateRedis } from '@tidings/queue/testing';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../on-error.ts';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';
import { chromiumAvailable, launchChromium } from '../testing/launch-chromium.ts';
import { queueDashboard } from './queue-dashboard.ts';

let h: ApiHarness;
let server: ServerType;
let base = '';
beforeAll(async () => {
  h = await apiHarness();
  await new Promise<void>((resolve) => {
    server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      base = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await h.close();
});

const basic = (password: string) => `Basic ${Buffer.from(`ops:${password}`).toString('base64')}`;

describe('/admin/queues', () => {
  it('asks a browser for the admin key, and refuses any other key', async () => {
    const none = await fetch(`${base}/admin/queues`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic /);
    const publisher = await fetch(`${base}/admin/queues`, {
      headers: { authorization: basic(h.keys.publisher) },
    });
    expect(publisher.status).toBe(401);
    const admin = await fetch(`${base}/admin/queues`, {
      headers: { authorization: basic(h.keys.admin) },
    });
    expect(admin.status).toBe(200);
  });

  it('sends its Content-Security-Policy with the 401 and its Basic-auth challenge too', async () => {
    for (const res of [
      await fetch(`${base}/admin/queues`),
      await fetch(`${base}/admin/queues`, { headers: { authorization: basic(h.keys.publisher) } }),
    ]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('content-security-policy') ?? '').toContain("default-src 'self'");
    }
  });

  it('makes a browser fetch nothing from another origin (no web fonts, no CDN)', async () => {
    const auth = { authorization: basic(h.keys.admin) };
    const res = await fetch(`${base}/admin/queues`, { headers: auth });
    const page = await res.text();
    // Everything the page loads: its links, scripts and images, and what its stylesheets load.
    const loads = [...page.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((m) => m[1] ?? '');
    const sheets = loads.filter((href) => href.endsWith('.css'));
    expect(sheets.length).toBeGreaterThan(0);
    for (const sheet of sheets) {
      const css = await (
        await fetch(new URL(sheet, `${base}/admin/queues/`), { headers: auth })
      ).text();
      loads.push(
        ...[...css.matchAll(/url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)/g)].map(
          (m) => m[1] ?? m[2] ?? '',
        ),
      );
    }
    const external = loads.filter((url) => new URL(url, `${base}/admin/queues/`).origin !== base);
    expect(external).toEqual([]);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https?:/);
  });

  it.skipIf(!chromiumAvailable('the browser test of the queue dashboard'))(
    'shows the translation queue to an admin in a browser',
    async () => {
      const browser = await launchChromium();
      try {
        const context = await browser.newContext({
          httpCredentials: { username: 'ops', password: h.keys.admin },
        });
        const page = await context.newPage();
        const elsewhere: string[] = [];
        page.on('request', (request) => {
          const url = new URL(request.url());
          if (url.protocol !== 'data:' && url.origin !== base) elsewhere.push(request.url());
        });
        const refused: string[] = [];
        page.on('console', (message) => {
          if (/content security policy/i.test(message.text())) refused.push(message.text());
        });
        await page.goto(`${base}/admin/queues`);
        await page.getByText('tidings-translate').first().waitFor({ timeout: 30_000 });
        expect(elsewhere).toEqual([]);
        expect(refused).toEqual([]);
        await page.screenshot({ path: '/tmp/tidings-queues.png' });
      } finally {
        await browser.close();
      }
    },
  );
});

describe('/admin/queues while Redis does not answer', () => {
  it('answers its calls 503 problem+json within its wait, instead of loading for ever', {
    timeout: 60_000,
  }, async () => {
    // A Redis of its own, frozen (SIGSTOP): it stops answering while its sockets stay open, as
    // a hung Redis or a link that loses every packet.
    const redis = await PrivateRedis.start();
    const connection = createRedisConnection(redis.url, 'producer');
    connection.on('error', () => undefined);
    const queue = translateQueue({ connection, prefix: 'dashboard-test' });
    try {
      await whenReady(connection);
      const app = new Hono()
        .route('/admin/queues', queueDashboard(h.store, [queue], { redisWaitMs: 1_000 }))
        .onError(errorHandler(createLogger({ logLevel: 'silent', logFormat: 'json' }, 'test')));
      const call = () =>
        app.request('/admin/queues/api/queues?page=1&jobsPerPage=10', {
          headers: { authorization: basic(h.keys.admin), 'accept-language': 'de' },
        });
      expect((await call()).status).toBe(200);

      redis.freeze();
      await new Promise((r) => setTimeout(r, 300)); // the signal is delivered asynchronously
      const started = Date.now();
      const res = await Promise.race([
        call(),
        new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), 15_000)),
      ]);
      expect(res).not.toBe('no answer');
      expect(Date.now() - started).toBeLessThan(10_000);
      const answer = res as Response;
      expect(answer.status).toBe(503);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.headers.get('content-language')).toBe('de');
      expect(await answer.json()).toMatchObject({
        status: 503,
        detail: expect.stringMatching(/Redis/),
      });
    } finally {
      redis.thaw();
      await queue.close();
      connection.disconnect();
      await redis.stop();
    }
  });
});
