import type { LanguageCode } from '@tidings/core';
import { LANGUAGES } from '@tidings/core';
import { ensureTestModels } from '@tidings/test-models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postArticle, untilFinal } from './harness/article-client.ts';
import { auditStore, feedItems, nothingLost } from './harness/audit.ts';
import { BACKENDS } from './harness/backends.ts';
import { descendants, isAlive, type Launched } from './harness/launch.ts';
import { newsArticle } from './harness/newsroom.ts';
import { eventually, type Installation, installation } from './harness/service.ts';

// `npm test` kills the worker this many times per store (twenty in all); `npm run soak` many
// more.
const KILLS = Number(process.env.TIDINGS_CHAOS_KILLS ?? 10);
const ALL = LANGUAGES.map((l) => l.code) as LanguageCode[];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(BACKENDS)('a worker killed with SIGKILL at random moments, on $name', (backend) => {
  let tidings: Installation;
  let api: Launched;
  let publisher: string;
  let drop: () => Promise<void> = async () => {};

  beforeAll(async () => {
    if (!backend.available) return;
    const prepared = await backend.prepare();
    drop = prepared.drop;
    const models = await ensureTestModels({ kinds: ['dictionary'] });
    tidings = await installation({
      ...prepared.env,
      MODELS_DIR: models.dictionaryModelsDir,
      WORKER_CONCURRENCY: '2',
      // A killed worker's jobs come back after a lock period; a job whose workers die more
      // often than BullMQ's stall limit allows is translated again as a fresh job
      // (STALLED_RETRIES), and the reconciler enqueues what is overdue.
      WORKER_LOCK_DURATION_MS: '2000',
      RECONCILE_INTERVAL_MS: '1000',
      RECONCILE_OVERDUE_MS: '6000',
    });
    api = await tidings.startApi();
    publisher = await tidings.createKey('publisher');
  });
  afterAll(async () => {
    await tidings?.destroy();
    await drop();
  });

  it.skipIf(!backend.available)(
    `publishes every accepted article and revision exactly once across ${KILLS} kills`,
    async () => {
      const ids: string[] = [];
      const kills: { afterMs: number; engines: number }[] = [];
      for (let n = 0; n < KILLS; n++) {
        ids.push((await postArticle(tidings, publisher, newsArticle(n))).id);
        // Every fourth round, a revision of an earlier article: its old jobs become obsolete.
        const earlier = ids[n - 2];
        if (n % 4 === 3 && earlier) {
          const res = await tidings.call('PUT', `/v1/articles/${earlier}`, publisher, {
            ...newsArticle(n - 2),
            title: `${newsArticle(n - 2).title}, revised`,
          });
          expect(res.status).toBe(202);
        }
        const worker = await tidings.startWorker();
        const afterMs = Math.round(200 + Math.random() * 2800);
        await sleep(afterMs);
        const engines = descendants(worker.child.pid ?? 0);
        worker.child.kill('SIGKILL');
        await worker.exited();
        kills.push({ afterMs, engines: engines.length });
        if ((n + 1) % 5 === 0 || n + 1 === KILLS) {
          process.stdout.write(`chaos on ${backend.name}: ${n + 1} of ${KILLS} kills\n`);
        }
        // No translation engine translates on for a dead worker.
        await eventually(
          async () => engines.every((pid) => !isAlive(pid)) || undefined,
          10_000,
          'the translation engine of the killed worker to exit',
        );
      }
      // The kills fell while translations were in hand, not only between them.
      expect(kills.filter((k) => k.engines > 0).length).toBeGreaterThanOrEqual(
        Math.ceil(KILLS / 3),
      );

      await tidings.startWorker();
      for (const [n, id] of ids.entries()) {
        const done = await untilFinal(tidings, publisher, id, 240_000);
        for (const lang of ALL.filter((l) => l !== newsArticle(n).language)) {
          expect(done.languages[lang]?.status, `${id} ${lang}`).toBe('published');
        }
      }
      // Subscribers of every language see each article exactly once.
      const feeds = await feedItems(tidings.url, ALL);
      for (const lang of ALL) expect(Object.keys(feeds[lang] ?? {}).length, lang).toBe(ids.length);

      api.child.kill('SIGKILL');
      await api.exited();
      expect(await auditStore(tidings, ids)).toEqual(nothingLost(ids.length));
    },
    Math.max(900_000, KILLS * 30_000),
  );
});
