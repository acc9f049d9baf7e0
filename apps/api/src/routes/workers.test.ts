import { createLogger } from '@tidings/core';
import { createRedisConnection, WorkerRegistry } from '@tidings/queue';
import { sampleWorker } from '@tidings/queue/testing';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEnv } from '../env.ts';
import { ApiMetrics } from '../metrics/api-metrics.ts';
import { errorHandler } from '../on-error.ts';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';
import { workerRoutes } from './workers.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(() => h.close());

interface Listing {
  alive: number;
  silent: number;
  workers: { id: string; state: string; jobs: { id: string }[]; lastSeenAgoMs: number }[];
}

describe('GET /v1/workers', () => {
  it('lists the workers to an admin: alive ones, and silent ones with the jobs they held', async () => {
    await h.workers.announce(sampleWorker('translator-2:31337:aaa'));
    const held = { id: 'x.r1.de', articleId: 'x', revision: 1, language: 'de' as const, since: '' };
    await h.workers.announce(
      sampleWorker('translator-3:7:bbb', { silentAfterMs: 1, jobs: [held] }),
    );
    await new Promise((r) => setTimeout(r, 20));
    const res = await h.call('GET', '/v1/workers', h.keys.admin);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Listing;
    expect(body).toMatchObject({ alive: 1, silent: 1 });
    expect(body.workers.map((w) => [w.id, w.state])).toEqual([
      ['translator-2:31337:aaa', 'alive'],
      ['translator-3:7:bbb', 'silent'],
    ]);
    expect(body.workers[1]?.jobs).toEqual([held]);
  });

  it('is for admins only: no key 401, a publisher or editor key 403', async () => {
    expect((await h.call('GET', '/v1/workers')).status).toBe(401);
    expect((await h.call('GET', '/v1/workers', h.keys.publisher)).status).toBe(403);
    expect((await h.call('GET', '/v1/workers', h.keys.editor)).status).toBe(403);
  });

  it('answers 503 problem+json when Redis does not answer', async () => {
    const gone = createRedisConnection('redis://127.0.0.1:1', 'producer', {
      retryStrategy: () => null,
    });
    gone.on('error', () => undefined);
    const app = new Hono<ApiEnv>();
    app.route('/v1/workers', workerRoutes(h.store, new WorkerRegistry(gone, 'nowhere')));
    app.onError(errorHandler(createLogger({ logLevel: 'silent', logFormat: 'json' }, 'test')));
    try {
      const res = await app.request('/v1/workers', {
        headers: { authorization: `Bearer ${h.keys.admin}` },
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/Redis does not answer/);
    } finally {
      gone.disconnect();
    }
  });
});

describe('/metrics', () => {
  it('counts the workers alive and silent, and gives each one its last heartbeat age', async () => {
    const metrics = new ApiMetrics({ store: h.store, queues: [], workers: h.workers });
    const text = await metrics.render();
    expect(text).toMatch(/^tidings_workers\{state="alive"\} 1$/m);
    expect(text).toMatch(/^tidings_workers\{state="silent"\} 1$/m);
    expect(text).toMatch(
      /^tidings_worker_last_heartbeat_age_seconds\{worker="translator-3:7:bbb",host="translator-3",state="silent"\} [\d.]+$/m,
    );
  });
});
