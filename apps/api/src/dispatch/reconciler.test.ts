import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@tidings/core';
import {
  addResult,
  createRedisConnection,
  type ResultsWorker,
  resultsQueue,
  type TranslationResultData,
  translateJobId,
  translateQueue,
  whenReady,
} from '@tidings/queue';
import { openStore, type Store } from '@tidings/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stallingWorkers } from '../testing/stalling-workers.ts';
import { TEST_REDIS_URL } from '../testing/test-env.ts';
import { Reconciler } from './reconciler.ts';
import { startResultsConsumer } from './results-consumer.ts';
import { TranslationDispatcher } from './translation-dispatcher.ts';

const logger = createLogger({ logLevel: 'silent', logFormat: 'json' }, 'test');
const prefix = `reconciler-test-${randomUUID()}`;
const redis = createRedisConnection(TEST_REDIS_URL, 'worker');
const results = resultsQueue({ connection: redis, prefix });
const translate = translateQueue({ connection: redis, prefix });
const dataDir = mkdtempSync(join(tmpdir(), 'tidings-reconciler-'));
let store: Store;
let dispatcher: TranslationDispatcher;
let consumer: ResultsWorker;

beforeAll(async () => {
  await whenReady(redis);
  store = await openStore({ dataDir, logger });
  dispatcher = new TranslationDispatcher(translate, store, logger);
  consumer = startResultsConsumer({
    connection: redis,
    prefix,
    store,
    dispatcher,
    stalledRetries: 3,
    logger,
  });
});
afterAll(async () => {
  await consumer.close();
  await results.obliterate({ force: true });
  await results.close();
  await translate.obliterate({ force: true });
  await translate.close();
  redis.disconnect();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const send = (data: TranslationResultData) => addResult(results, data);

async function until(check: () => Promise<boolean>, what: string) {
  const end = Date.now() + 30_000;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the reconciler', () => {
  it('retries, as a fresh job, a job failed for stalling whose worker died before reporting it', async () => {
    const publisherKeyId = (await store.createKey({ name: 'p', role: 'publisher' })).id;
    const written = await store.createArticle({
      publisherKeyId,
      sourceLanguage: 'en',
      content: { title: 'Ukraine', summary: '', body: '<p>Ukraine</p>', categories: [] },
    });
    const id = written.article.id;
    const { worker, stalledOut } = stallingWorkers({
      connection: redis,
      prefix,
      dies: (job) => job.data.articleId === id && !job.data.retry,
      report: send,
      reportStalls: false,
    });
    const reconciler = new Reconciler(dispatcher, store, translate, logger, {
      intervalMs: 60_000,
      overdueAfterMs: 1,
      stalledRetries: 3,
    });
    try {
      await dispatcher.dispatch(written.requests.filter((r) => r.language === 'de'));
      const first = translateJobId(id, 1, 'de');
      await until(async () => stalledOut.includes(first), 'BullMQ to fail the job for stalling');
      expect((await store.getTranslation(id, 'de')).status).toBe('queued');
      await reconciler.runOnce();
      await until(
        async () => (await store.getTranslation(id, 'de')).status === 'published',
        'the German version to be published',
      );
      expect(stalledOut).toEqual([first]);
      expect(await (await translate.getJob(first))?.getState()).toBe('failed');
      const fresh = await translate.getJob(translateJobId(id, 1, 'de', 1));
      expect(await fresh?.getState()).toBe('completed');
    } finally {
      await reconciler.stop();
      await worker.close(true);
    }
  });
});
