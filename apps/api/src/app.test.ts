import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@tidings/core';
import { createRedisConnection, whenReady } from '@tidings/queue';
import { openStore } from '@tidings/store';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';

const logger = createLogger({ logLevel: 'silent', logFormat: 'json' }, 'test');
const redis = createRedisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 'producer');
const deadRedis = createRedisConnection('redis://127.0.0.1:1', 'producer');
deadRedis.on('error', () => undefined);
afterAll(() => {
  redis.disconnect();
  deadRedis.disconnect();
});

describe('health', () => {
  it('says it is alive', async () => {
    const app = createApp({ logger, readiness: [] });
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('is ready when Redis answers, naming it', async () => {
    await whenReady(redis);
    const app = createApp({
      logger,
      readiness: [{ name: 'redis', check: async () => void (await redis.ping()) }],
    });
    const res = await app.request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', checks: { redis: { status: 'ok' } } });
  });

  it('is not ready when Redis is away, and says which dependency failed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tidings-ready-'));
    const store = await openStore({ dataDir, logger });
    try {
      const app = createApp({
        logger,
        readiness: [
          { name: 'redis', check: async () => void (await deadRedis.ping()) },
          { name: 'store', check: () => store.ping() },
        ],
      });
      const res = await app.request('/readyz');
      expect(res.status).toBe(503);
      const body = (await res.json()) as {
        checks: Record<string, { status: string; error?: string }>;
      };
      expect(body.checks.redis?.status).toBe('failing');
      expect(body.checks.redis?.error).toBeTruthy();
      expect(body.checks.store?.status).toBe('ok');

      // The same check fails once the store is gone: it asks the database, not itself.
      await store.close();
      const closed = (await (await app.request('/readyz')).json()) as typeof body;
      expect(closed.checks.store?.status).toBe('failing');
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('errors', () => {
  it('answers an unknown route with 404 problem+json', async () => {
    const app = createApp({ logger, readiness: [] });
    const res = await app.request('/nowhere');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toEqual({
      // Absolute: app.request's origin here, PUBLIC_URL where the app has one.
      type: 'http://localhost/docs/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: 'Nothing is served at /nowhere.',
      instance: '/nowhere',
    });
  });

  it('sends secure headers', async () => {
    const app = createApp({ logger, readiness: [] });
    const res = await app.request('/healthz');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
