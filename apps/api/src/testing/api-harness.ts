import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, type LanguageCode, type Logger } from '@tidings/core';
import {
  createRedisConnection,
  publishGlossary,
  type TranslateQueue,
  translateQueue,
  WorkerRegistry,
  whenReady,
} from '@tidings/queue';
import { openStore, type Store } from '@tidings/store';
import type { Hono } from 'hono';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { type AppDependencies, createApp } from '../app.ts';
import type { MemoryTeacher } from '../dispatch/memory-teacher.ts';
import { TranslationDispatcher } from '../dispatch/translation-dispatcher.ts';
import type { ApiEnv } from '../env.ts';
import { ApiMetrics } from '../metrics/api-metrics.ts';
import { publishedForm } from '../routes/glossary.ts';
import { Syndication } from '../site/syndication.ts';
import { TEST_REDIS_URL } from './test-env.ts';

/**
 * A real API over a real store (PGlite in a temp dir, or PostgreSQL at `databaseUrl`) and a
 * real queue in a private prefix.
 */
export interface ApiHarness {
  readonly app: Hono<ApiEnv>;
  readonly store: Store;
  readonly queue: TranslateQueue;
  /** The app's dispatcher: `flush()` it to see the outbox marks of what was enqueued. */
  readonly dispatcher: TranslationDispatcher;
  readonly keys: { publisher: string; otherPublisher: string; editor: string; admin: string };
  /** The worker registry `/v1/workers` reads, in the harness's private prefix. */
  readonly workers: WorkerRegistry;
  /** The app's Prometheus metrics (served at `/metrics`), when asked for with `metrics: true`. */
  readonly metrics: ApiMetrics | undefined;
  /** The harness's Redis connection and private key prefix (QUEUE_PREFIX). */
  readonly redis: ReturnType<typeof createRedisConnection>;
  readonly prefix: string;
  /** Sends a request with a bearer key and, for objects, a JSON body (and any other headers). */
  call(
    method: string,
    path: string,
    key?: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Builds an {@link ApiHarness}; `bodyLimitBytes` is small so limits are cheap to test.
 *
 * @example
 * const h = await apiHarness();
 * const res = await h.call('POST', '/v1/articles', h.keys.publisher, { title: 'T', body: '<p>x</p>', language: 'en' });
 */
export async function apiHarness(
  options: {
    bodyLimitBytes?: number;
    maxArticleChars?: number;
    rateLimitPerMinute?: number;
    databaseUrl?: string;
    /** Where the app logs; silent when not given. */
    logger?: Logger;
    /** `LANGUAGES`: the languages served; all six when not given. */
    languages?: readonly LanguageCode[];
    /** The desk's session and refresh settings. */
    desk?: AppDependencies['desk'];
    /** Makes the teacher of the translation memory; corrections teach nothing without it. */
    teacher?: (store: Store) => MemoryTeacher;
    /** Times every request as the API's main does, served at `/metrics`; none when not true. */
    metrics?: boolean;
  } = {},
): Promise<ApiHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tidings-api-'));
  const logger = options.logger ?? createLogger({ logLevel: 'silent', logFormat: 'json' }, 'test');
  const store = await openStore({ dataDir, databaseUrl: options.databaseUrl, logger });
  const redis = createRedisConnection(TEST_REDIS_URL, 'producer');
  await whenReady(redis);
  const prefix = `test-${randomUUID()}`;
  const queue = translateQueue({ connection: redis, prefix });
  const key = async (role: 'publisher' | 'editor' | 'admin') =>
    (await store.createKey({ name: role, role })).token;
  const keys = {
    publisher: await key('publisher'),
    otherPublisher: await key('publisher'),
    editor: await key('editor'),
    admin: await key('admin'),
  };
  const workers = new WorkerRegistry(redis, prefix);
  const site = new Syndication({
    store,
    publicUrl: 'http://news.test',
    logger,
    versionTtlMs: 0,
    languages: options.languages,
  });
  const dispatcher = new TranslationDispatcher(queue, store, logger);
  const metrics = options.metrics ? new ApiMetrics({ store, queues: [queue], workers }) : undefined;
  const app = createApp({
    logger,
    readiness: [],
    bodyLimitBytes: options.bodyLimitBytes ?? 64 * 1024,
    maxArticleChars: options.maxArticleChars,
    publicUrl: 'http://news.test',
    metrics,
    dashboardQueues: [queue],
    workers,
    site,
    desk: options.desk,
    v1: {
      store,
      dispatcher,
      publicUrl: 'http://news.test',
      queueAvailable: () => redis.status === 'ready',
      languages: options.languages,
      limiter: options.rateLimitPerMinute
        ? new RateLimiterRedis({
            storeClient: redis,
            keyPrefix: `${prefix}:rate`,
            points: options.rateLimitPerMinute,
            duration: 60,
          })
        : undefined,
      publishGlossary: (snapshot) => publishGlossary(redis, prefix, publishedForm(snapshot)),
      teacher: options.teacher?.(store),
    },
  });
  return {
    app,
    store,
    queue,
    dispatcher,
    keys,
    workers,
    metrics,
    redis,
    prefix,
    async call(method, path, bearer, body, more = {}) {
      const headers: Record<string, string> = { ...more };
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      return app.request(path, {
        method,
        headers,
        body:
          body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
    },
    async close() {
      await dispatcher.flush();
      await queue.obliterate({ force: true }).catch(() => undefined);
      await redis.del(
        `${prefix}:workers`,
        `${prefix}:workers:seen`,
        `${prefix}:glossary`,
        `${prefix}:glossary:version`,
      );
      await queue.close();
      redis.disconnect();
      await site.pageBodies.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
