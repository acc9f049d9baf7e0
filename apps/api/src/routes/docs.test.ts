import { type ServerType, serve } from '@hono/node-server';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createLogger } from '@tidings/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';
import { chromiumAvailable, launchChromium } from '../testing/launch-chromium.ts';

const logger = createLogger({ logLevel: 'silent', logFormat: 'json' }, 'test');

let h: ApiHarness;
let doc: { paths: Record<string, Record<string, unknown>> };
beforeAll(async () => {
  h = await apiHarness();
  doc = (await (await h.app.request('/openapi.json')).json()) as typeof doc;
});
afterAll(() => h.close());

describe('/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('lists every route the API serves', () => {
    const methods = new Set(['GET', 'POST', 'PUT', 'DELETE']);
    const served = h.app.routes
      // The dashboard's own routes belong to bull-board; its entry is documented.
      .filter((r) => methods.has(r.method) && !r.path.includes('*'))
      .filter((r) => !r.path.startsWith('/admin/queues/'))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`);
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops)
          .filter((k) => k !== 'parameters')
          .map((m) => `${m} ${path}`),
      ),
    );
    const missing = [...new Set(served)].filter((r) => !documented.has(r));
    expect(missing).toEqual([]);
  });

  it('documents who may open the queue dashboard, the 410 of a retracted page and the limits every write has', () => {
    type Op = { security?: unknown[]; responses: Record<string, unknown> };
    const op = (path: string, method: string) => doc.paths[path]?.[method] as Op | undefined;
    expect(op('/admin/queues', 'get')?.security).toEqual([{ bearer: [] }, { adminBasic: [] }]);
    expect(op('/admin/queues/', 'get')?.responses).toHaveProperty('301');
    expect(op('/{lang}/articles/{slug}', 'get')?.responses).toHaveProperty('410');
    for (const [path, method] of [
      ['/v1/articles', 'post'],
      ['/v1/articles/{id}', 'put'],
      ['/v1/articles/{id}/{lang}', 'put'],
      ['/v1/keys', 'post'],
      ['/v1/glossary/{term}', 'put'],
    ] as const) {
      expect(Object.keys(op(path, method)?.responses ?? {}), `${method} ${path}`).toEqual(
        expect.arrayContaining(['400', '413', '415', '422']),
      );
    }
  });

  it('documents the article body from the very schema POST validates with', () => {
    const post = doc.paths['/v1/articles']?.post as {
      requestBody: { content: { 'application/json': { schema: { required: string[] } } } };
    };
    expect(post.requestBody.content['application/json'].schema.required).toEqual(['title', 'body']);
  });
});

describe('/docs', () => {
  let server: ServerType;
  let base = '';
  beforeAll(async () => {
    const app = createApp({ logger, readiness: [], publicUrl: 'http://127.0.0.1' });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
        base = `http://127.0.0.1:${info.port}`;
        resolve();
      });
    });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.skipIf(!chromiumAvailable('the browser test of /docs'))(
    'renders the API reference in a browser, without network',
    async () => {
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`${base}/docs`);
        await page.getByText('Tidings API').first().waitFor({ timeout: 30_000 });
        await page.getByText('/v1/articles/{id}/{lang}').first().waitFor({ timeout: 30_000 });
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
    },
  );
});
