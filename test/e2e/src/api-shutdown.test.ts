import { createRedisConnection, TRANSLATE_QUEUE, translateJobId } from '@tidings/queue';
import { openStore } from '@tidings/store';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { BACKENDS } from './harness/backends.ts';
import { newsArticle } from './harness/newsroom.ts';
import { type Installation, installation } from './harness/service.ts';

const POSTS = 20;

describe.each(BACKENDS)('the API stopped with SIGTERM while posts arrive, on $name', (backend) => {
  let tidings: Installation | undefined;
  let drop: () => Promise<void> = async () => {};
  afterAll(async () => {
    await tidings?.destroy();
    await drop();
  });

  it.skipIf(!backend.available)(
    'has the jobs of every post it answered in Redis, marked enqueued, before it exits',
    async () => {
      const prepared = await backend.prepare();
      drop = prepared.drop;
      // No reconciler pass may stand in for the stop: the requests are enqueued by the
      // dispatcher the posts handed them to, or not at all.
      tidings = await installation({ ...prepared.env, RECONCILE_INTERVAL_MS: '600000' });
      const running = tidings;
      const api = await running.startApi();
      const publisher = await running.createKey('publisher');
      // A post answers before its jobs are in Redis: stop the API on the first answer, with
      // the other posts still on their way.
      let stopped = false;
      const answers = await Promise.allSettled(
        Array.from({ length: POSTS }, async (_, n) => {
          const res = await running.call('POST', '/v1/articles', publisher, newsArticle(n));
          if (!stopped) {
            stopped = true;
            api.child.kill('SIGTERM');
          }
          return res.status === 201 ? ((await res.json()) as { id: string }).id : undefined;
        }),
      );
      expect((await api.exited()).code, api.output()).toBe(0);
      const answered = answers.flatMap((a) =>
        a.status === 'fulfilled' && a.value ? [a.value] : [],
      );
      expect(answered.length).toBeGreaterThan(0);

      const redis = createRedisConnection(running.env.REDIS_URL ?? '', 'producer');
      const queue = new Queue(TRANSLATE_QUEUE, {
        connection: redis,
        prefix: running.env.QUEUE_PREFIX,
      });
      const store = await openStore({
        dataDir: running.dataDir,
        databaseUrl: running.env.DATABASE_URL,
      });
      try {
        const requests = (await store.listUnfinishedRequests({ olderThanMs: 0 })).filter((r) =>
          answered.includes(r.articleId),
        );
        expect(requests.length).toBe(answered.length * 5);
        expect(new Set(requests.map((r) => r.state))).toEqual(new Set(['enqueued']));
        for (const r of requests) {
          expect(
            await queue.getJob(translateJobId(r.articleId, r.revision, r.language)),
          ).toBeTruthy();
        }
      } finally {
        await store.close();
        await queue.obliterate({ force: true }).catch(() => undefined);
        await queue.close();
        redis.disconnect();
      }
    },
    180_000,
  );
});
