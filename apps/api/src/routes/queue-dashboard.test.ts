import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';
import { chromiumAvailable, launchChromium } from '../testing/launch-chromium.ts';

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

  it.skipIf(!chromiumAvailable('the browser test of the queue dashboard'))(
    'shows the translation queue to an admin in a browser',
    async () => {
      const browser = await launchChromium();
      try {
        const context = await browser.newContext({
          httpCredentials: { username: 'ops', password: h.keys.admin },
        });
        const page = await context.newPage();
        await page.goto(`${base}/admin/queues`);
        await page.getByText('tidings-translate').first().waitFor({ timeout: 30_000 });
        await page.screenshot({ path: '/tmp/tidings-queues.png' });
      } finally {
        await browser.close();
      }
    },
  );
});
