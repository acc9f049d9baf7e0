import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@tidings/core';
import {
  addResult,
  createRedisConnection,
  type ResultsWorker,
  resultJobId,
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
import { startResultsConsumer } from './results-consumer.ts';
import { TranslationDispatcher } from './translation-dispatcher.ts';

const logger = createLogger({ logLevel: 'silent', logFormat: 'json' }, 'test');
const prefix = `results-test-${randomUUID()}`;
const redis = createRedisConnection(TEST_REDIS_URL, 'worker');
const results = resultsQueue({ connection: redis, prefix });
const translate = translateQueue({ connection: redis, prefix });
const STALLED_RETRIES = 2;
const dataDir = mkdtempSync(join(tmpdir(), 'tidings-results-'));
let store: Store;
let consumer: ResultsWorker;

beforeAll(async () => {
  await whenReady(redis);
  store = await openStore({ dataDir, logger });
  consumer = startResultsConsumer({
    connection: redis,
    prefix,
    store,
    dispatcher: new TranslationDispatcher(translate, store, logger),
    stalledRetries: STALLED_RETRIES,
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

// What a worker does: send a result under its derived id, with the shared options.
const send = (data: TranslationResultData) => addResult(results, data);

async function until(check: () => Promise<boolean>, what: string) {
  const end = Date.now() + 30_000;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the results consumer', () => {
  it('keeps the review reasons a worker sends as data, and an older worker’s text alone', async () => {
    const publisherKeyId = (await store.createKey({ name: 'p2', role: 'publisher' })).id;
    const { article } = await store.createArticle({
      publisherKeyId,
      sourceLanguage: 'en',
      content: { title: 'On 5 May', summary: '', body: '<p>On 5 May</p>', categories: [] },
    });
    const now = new Date().toISOString();
    const held = {
      kind: 'finished',
      articleId: article.id,
      revision: 1,
      outcome: 'needs_review',
      model: 'Xenova/opus-mt-en-de',
      content: { title: 'Am Mai', summary: '', body: '<p>Am Mai</p>', categories: [] },
      startedAt: now,
      finishedAt: now,
    } as const;
    const reasons = [{ code: 'number-missing', number: '5', segment: 'On 5 May' }] as const;
    await send({ ...held, language: 'de', reason: 'The number 5 was lost', reasons });
    await send({ ...held, language: 'fr', reason: 'The number 5 was lost' });
    await until(
      async () => (await store.getTranslation(article.id, 'fr')).status === 'needs_review',
      'the older worker’s result',
    );
    await until(
      async () => (await store.getTranslation(article.id, 'de')).status === 'needs_review',
      'the result with reasons',
    );
    expect((await store.getTranslation(article.id, 'de')).reasons).toEqual(reasons);
    expect(await store.getTranslation(article.id, 'fr')).toMatchObject({
      reason: 'The number 5 was lost',
      reasons: [],
    });
  });

  it('persists the result of a job retried from the queue dashboard after it failed', async () => {
    const publisherKeyId = (await store.createKey({ name: 'p', role: 'publisher' })).id;
    const { article } = await store.createArticle({
      publisherKeyId,
      sourceLanguage: 'en',
      content: { title: 'Ukraine', summary: '', body: '<p>Ukraine</p>', categories: [] },
    });
    const now = new Date().toISOString();
    const key = { kind: 'finished', articleId: article.id, revision: 1, language: 'de' } as const;
    await send({
      ...key,
      outcome: 'failed',
      reason: 'model not found',
      startedAt: now,
      finishedAt: now,
    });
    await until(
      async () => (await store.getTranslation(article.id, 'de')).status === 'failed',
      'the failure',
    );
    const failure = resultJobId('finished', article.id, 1, 'de');
    await until(async () => {
      const state = await (await results.getJob(failure))?.getState();
      return state !== 'waiting' && state !== 'active';
    }, 'the failure to be done with');
    // The same job, retried by hand once the model is there, sends its result under the same id.
    await send({
      ...key,
      outcome: 'published',
      model: 'Xenova/opus-mt-en-de',
      content: { title: 'Ukraine', summary: '', body: '<p>Ukraine</p>', categories: [] },
      startedAt: now,
      finishedAt: new Date().toISOString(),
    });
    await until(
      async () => (await store.getTranslation(article.id, 'de')).status === 'published',
      'the retried result to be published',
    );
    expect((await store.getTranslation(article.id, 'de')).model).toBe('Xenova/opus-mt-en-de');
  });

  it('publishes a version with what the translator repaired as its reason (PUBLISH_POLICY=flag)', async () => {
    const publisherKeyId = (await store.createKey({ name: 'p2', role: 'publisher' })).id;
    const { article } = await store.createArticle({
      publisherKeyId,
      sourceLanguage: 'en',
      content: { title: 'Ukraine', summary: '', body: '<p>Ukraine</p>', categories: [] },
    });
    const now = new Date().toISOString();
    const reason = 'Markup the model lost or moved was put back (<g1> put back) in “Ukraine”';
    await send({
      kind: 'finished',
      articleId: article.id,
      revision: 1,
      language: 'es',
      outcome: 'published',
      reason,
      model: 'Xenova/opus-mt-en-es',
      content: { title: 'Ucrania', summary: '', body: '<p>Ucrania</p>', categories: [] },
      startedAt: now,
      finishedAt: now,
    });
    await until(
      async () => (await store.getTranslation(article.id, 'es')).status === 'published',
      'the flagged version to be published',
    );
    expect((await store.getTranslation(article.id, 'es')).reason).toBe(reason);
  });
});

describe('a result the API cannot read (another version of the worker, or written by hand)', () => {
  // Written around the typed queue, as a worker of another version would.
  const sendRaw = (name: 'started' | 'finished', data: object, jobId: string) =>
    results.add(name, data as never, { attempts: 20, jobId });
  const failedState = async (jobId: string) => (await results.getJob(jobId))?.getState();

  it('fails the language it names with what is wrong, keeps the job failed, and goes on', async () => {
    const { id } = await germanArticle();
    const now = new Date().toISOString();
    const jobId = `finished.${id}.r1.de`;
    // A published result without its text: before, the language was failed with 'unknown failure'.
    await sendRaw(
      'finished',
      {
        kind: 'finished',
        articleId: id,
        revision: 1,
        language: 'de',
        outcome: 'published',
        startedAt: now,
        finishedAt: now,
      },
      jobId,
    );
    await until(async () => (await failedState(jobId)) === 'failed', 'the result to be failed');
    const de = await store.getTranslation(id, 'de');
    expect(de.status).toBe('failed');
    expect(de.reason).toMatch(/could not be read \(.*content.*\)/);
    expect(de.reason).toMatch(/model/);
    expect(de.failure).toEqual({
      code: 'unreadable-result',
      problems: expect.stringMatching(/content.*model/),
    });
    // Kept for inspection, failed for good after one attempt.
    const job = await results.getJob(jobId);
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toMatch(/^unreadable result: /);
    // The consumer still persists the next, readable result.
    await send({
      kind: 'finished',
      articleId: id,
      revision: 1,
      language: 'fr',
      outcome: 'published',
      model: 'Xenova/opus-mt-en-fr',
      content: { title: 'Ukraine', summary: '', body: '<p>Ukraine</p>', categories: [] },
      startedAt: now,
      finishedAt: now,
    });
    await until(
      async () => (await store.getTranslation(id, 'fr')).status === 'published',
      'the next result to be persisted',
    );
  });

  it('keeps a message that names no translation failed, and changes nothing', async () => {
    const { id } = await germanArticle();
    const before = await store.getTranslation(id, 'de');
    await sendRaw(
      'started',
      { kind: 'started', articleId: id, language: 'xx' },
      `started.${id}.bad`,
    );
    await until(
      async () => (await failedState(`started.${id}.bad`)) === 'failed',
      'the message to be failed',
    );
    expect((await store.getTranslation(id, 'de')).status).toBe(before.status);
  });
});

async function germanArticle() {
  const publisherKeyId = (await store.createKey({ name: 'p', role: 'publisher' })).id;
  const written = await store.createArticle({
    publisherKeyId,
    sourceLanguage: 'en',
    content: { title: 'Ukraine', summary: '', body: '<p>Ukraine</p>', categories: [] },
  });
  const de = written.requests.filter((r) => r.language === 'de');
  return { id: written.article.id, de };
}

describe('a job BullMQ failed for stalling (its workers kept dying while holding it)', () => {
  it('is translated again as a fresh job and published', async () => {
    const { id, de } = await germanArticle();
    // The first try's workers die; the fresh job finds a healthy one.
    const { worker, stalledOut } = stallingWorkers({
      connection: redis,
      prefix,
      dies: (job) => job.data.articleId === id && !job.data.retry,
      report: send,
    });
    try {
      await new TranslationDispatcher(translate, store, logger).dispatch(de);
      await until(
        async () => (await store.getTranslation(id, 'de')).status === 'published',
        'the German version to be published',
      );
    } finally {
      await worker.close(true);
    }
    expect(stalledOut).toEqual([translateJobId(id, 1, 'de')]);
    const fresh = await translate.getJob(translateJobId(id, 1, 'de', 1));
    expect(await fresh?.getState()).toBe('completed');
  });

  it(`is failed, saying how often its workers died, after ${STALLED_RETRIES} fresh jobs stalled too`, async () => {
    const { id, de } = await germanArticle();
    const { worker, stalledOut } = stallingWorkers({
      connection: redis,
      prefix,
      dies: (job) => job.data.articleId === id,
      report: send,
    });
    try {
      await new TranslationDispatcher(translate, store, logger).dispatch(de);
      await until(
        async () => (await store.getTranslation(id, 'de')).status === 'failed',
        'the German version to be failed',
      );
    } finally {
      await worker.close(true);
    }
    const jobs = STALLED_RETRIES + 1;
    expect(stalledOut).toEqual(
      Array.from({ length: jobs }, (_, retry) => translateJobId(id, 1, 'de', retry)),
    );
    expect((await store.getTranslation(id, 'de')).reason).toBe(
      `its workers died or stalled ${jobs * 6} times while holding it (killed, or cut off from Redis): ${jobs} jobs, each failed after 6 stalls; retry it once the workers are healthy`,
    );
    expect((await store.getTranslation(id, 'de')).failure).toEqual({
      code: 'stalled',
      stalls: 6,
      jobs,
    });
    // No job is left to stall again.
    expect(await translate.getJob(translateJobId(id, 1, 'de', jobs))).toBeUndefined();
  });
});
