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
