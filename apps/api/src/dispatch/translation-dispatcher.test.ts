import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@tidings/core';
import { createRedisConnection, translateJobId, translateQueue, whenReady } from '@tidings/queue';
import { openStore, type Store, type TranslationRequestKey } from '@tidings/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL } from '../testing/test-env.ts';
import { TranslationDispatcher } from './translation-dispatcher.ts';

const logger = createLogger({ logLevel: 'silent', logFormat: 'json' }, 'test');
const prefix = `dispatcher-test-${randomUUID()}`;
const redis = createRedisConnection(TEST_REDIS_URL, 'worker');
const translate = translateQueue({ connection: redis, prefix });
const dataDir = mkdtempSync(join(tmpdir(), 'tidings-dispatcher-'));
let store: Store;
let publisherKeyId: string;

beforeAll(async () => {
  await whenReady(redis);
  store = await openStore({ dataDir, logger });
  publisherKeyId = (await store.createKey({ name: 'p', role: 'publisher' })).id;
});
afterAll(async () => {
  await translate.obliterate({ force: true });
  await translate.close();
  redis.disconnect();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (title: string) =>
  store.createArticle({
    publisherKeyId,
    sourceLanguage: 'en',
    content: { title, summary: '', body: `<p>${title}</p>`, categories: [] },
  });

const states = async (articleIds: readonly string[]) =>
  (await store.listUnfinishedRequests({ olderThanMs: 0 }))
    .filter((r) => articleIds.includes(r.articleId))
    .map((r) => r.state);

describe('the translation dispatcher', () => {
  it('marks the requests of concurrent dispatches enqueued together, after they resolve', async () => {
    const writes = await Promise.all(['One', 'Two', 'Three', 'Four'].map(post));
    const ids = writes.map((w) => w.article.id);
    const marks: TranslationRequestKey[][] = [];
    const dispatcher = new TranslationDispatcher(
      translate,
      {
        getArticle: (id) => store.getArticle(id),
        markRequestsEnqueued: (keys) => {
          marks.push([...keys]);
          return store.markRequestsEnqueued(keys);
        },
      },
      logger,
    );
    const counts = await Promise.all(
      writes.map((w) => dispatcher.dispatch(w.requests, { article: w.article })),
    );
    expect(counts).toEqual([5, 5, 5, 5]);
    // Every job is in Redis when dispatch resolves; the marks follow.
    for (const w of writes)
      for (const r of w.requests)
        expect(
          await translate.getJob(translateJobId(r.articleId, r.revision, r.language)),
        ).toBeTruthy();
    await dispatcher.flush();
    expect(marks.length).toBeLessThan(writes.length);
    expect(marks.flat()).toHaveLength(20);
    expect(await states(ids)).toEqual(Array(20).fill('enqueued'));
  });

  it('sends the jobs of concurrent dispatches to Redis in one addBulk', async () => {
    const writes = await Promise.all(['Five', 'Six', 'Seven'].map(post));
    const adds: number[] = [];
    const dispatcher = new TranslationDispatcher(
      {
        addBulk: (jobs) => {
          adds.push(jobs.length);
          return translate.addBulk(jobs);
        },
      },
      store,
      logger,
    );
    await Promise.all(writes.map((w) => dispatcher.dispatch(w.requests, { article: w.article })));
    expect(adds).toEqual([15]);
    await dispatcher.flush();
  });

  it('fails only the dispatch whose jobs Redis refuses, not the others sent with it', async () => {
    const [bad, good] = await Promise.all(['Refused', 'Accepted'].map(post));
    if (!bad || !good) throw new Error('no write');
    const adds: number[] = [];
    const dispatcher = new TranslationDispatcher(
      {
        addBulk: (jobs) => {
          adds.push(jobs.length);
          return jobs.some((j) => j.data.articleId === bad.article.id)
            ? Promise.reject(new Error('refused'))
            : translate.addBulk(jobs);
        },
      },
      store,
      logger,
    );
    const outcomes = await Promise.allSettled(
      [bad, good].map((w) => dispatcher.dispatch(w.requests, { article: w.article })),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled']);
    expect(adds).toEqual([10, 5, 5]);
    await dispatcher.flush();
    expect(await states([bad.article.id])).toEqual(Array(5).fill('pending'));
    expect(await states([good.article.id])).toEqual(Array(5).fill('enqueued'));
  });

  it('hands a post over without waiting: the jobs and their marks follow, and flush waits for them', async () => {
    const writes = await Promise.all(['Eight', 'Nine'].map(post));
    const dispatcher = new TranslationDispatcher(translate, store, logger);
    for (const w of writes) dispatcher.enqueue(w.requests, { article: w.article });
    const [first] = writes[0]?.requests ?? [];
    if (!first) throw new Error('no request');
    // Nothing is sent before the next turn of the event loop: enqueue returned at once.
    expect(
      await translate.getJob(translateJobId(first.articleId, first.revision, first.language)),
    ).toBeUndefined();
    await dispatcher.flush();
    for (const w of writes)
      for (const r of w.requests)
        expect(
          (await translate.getJob(translateJobId(r.articleId, r.revision, r.language)))?.data,
        ).toMatchObject({ articleId: r.articleId, target: r.language, content: w.article.content });
    expect(await states(writes.map((w) => w.article.id))).toEqual(Array(10).fill('enqueued'));
  });

  it('logs an enqueue that fails after commit and leaves its requests pending for the reconciler', async () => {
    const write = await post('Redis away');
    const lines: string[] = [];
    const logs = createLogger({ logLevel: 'warn', logFormat: 'json' }, 'test', false, {
      write: (line: string) => void lines.push(line),
    });
    const dispatcher = new TranslationDispatcher(
      { addBulk: () => Promise.reject(new Error('NOPERM no write rights')) },
      store,
      logs,
    );
    dispatcher.enqueue(write.requests, { article: write.article, requestId: 'req-1' });
    await dispatcher.flush();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      msg: 'enqueue failed after commit; the reconciler will enqueue',
      articleIds: [write.article.id],
      requestId: 'req-1',
      err: { message: 'NOPERM no write rights' },
    });
    expect(await states([write.article.id])).toEqual(Array(5).fill('pending'));
    // The dispatcher goes on: the next hand-over is enqueued.
    const next = await post('Redis back');
    const working = new TranslationDispatcher(translate, store, logs);
    working.enqueue(next.requests, { article: next.article });
    await working.flush();
    expect(await states([next.article.id])).toEqual(Array(5).fill('enqueued'));
  });

  it('leaves a request pending for the reconciler when its mark fails, and goes on marking', async () => {
    const [failed, next] = [await post('Lost mark'), await post('Next mark')];
    let fail = true;
    const dispatcher = new TranslationDispatcher(
      translate,
      {
        getArticle: (id) => store.getArticle(id),
        markRequestsEnqueued: (keys) => {
          if (fail) return Promise.reject(new Error('store away'));
          return store.markRequestsEnqueued(keys);
        },
      },
      logger,
    );
    await dispatcher.dispatch(failed.requests, { article: failed.article });
    await dispatcher.flush();
    fail = false;
    await dispatcher.dispatch(next.requests, { article: next.article });
    await dispatcher.flush();
    expect(await states([failed.article.id])).toEqual(Array(5).fill('pending'));
    expect(await states([next.article.id])).toEqual(Array(5).fill('enqueued'));
  });
});
