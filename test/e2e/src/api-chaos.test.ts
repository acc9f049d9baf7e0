import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LanguageCode } from '@tidings/core';
import { LANGUAGES } from '@tidings/core';
import { holdTranslationRow } from '@tidings/store/testing';
import { ensureTestModels } from '@tidings/test-models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getArticle, postArticle, untilFinal } from './harness/article-client.ts';
import { auditStore, feedItems, nothingLost } from './harness/audit.ts';
import { BACKENDS } from './harness/backends.ts';
import { freePort } from './harness/free-port.ts';
import type { Launched } from './harness/launch.ts';
import { newsArticle } from './harness/newsroom.ts';
import { PrivateRedis } from './harness/private-redis.ts';
import { eventually, type Installation, installation } from './harness/service.ts';

const ALL = LANGUAGES.map((l) => l.code) as LanguageCode[];
const API_KILLS = Number(process.env.TIDINGS_API_KILLS ?? 5);
const scratch = mkdtempSync(join(tmpdir(), 'tidings-api-chaos-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each(BACKENDS)('the API killed with SIGKILL mid-write, on $name', (backend) => {
  let redis: PrivateRedis;
  let tidings: Installation;
  let api: Launched;
  let publisher: string;
  let drop: () => Promise<void> = async () => {};
  const ids: string[] = [];

  beforeAll(async () => {
    if (!backend.available) return;
    const prepared = await backend.prepare();
    drop = prepared.drop;
    redis = new PrivateRedis(await freePort(), join(scratch, backend.name));
    await redis.start();
    // The API has a Redis user of its own, so that its rights can be taken away alone.
    redis.cli('ACL', 'SETUSER', 'api', 'on', '>api-secret', '~*', '&*', '+@all');
    const models = await ensureTestModels({ kinds: ['dictionary'] });
    tidings = await installation({
      ...prepared.env,
      REDIS_URL: redis.url,
      MODELS_DIR: models.dictionaryModelsDir,
      WORKER_LOCK_DURATION_MS: '2000',
      RECONCILE_INTERVAL_MS: '1000',
    });
    const apiEnv = { REDIS_URL: `redis://api:api-secret@127.0.0.1:${redis.port}` };
    api = await tidings.startApi(apiEnv);
    await tidings.startWorker();
    publisher = await tidings.createKey('publisher');
    for (const n of [0, 1]) ids.push((await postArticle(tidings, publisher, newsArticle(n))).id);
    for (const id of ids) await untilFinal(tidings, publisher, id);
  });
  afterAll(async () => {
    await tidings?.destroy();
    await redis?.kill();
    await drop();
  });

  // Back in service once ready, as a load balancer would see it: it listens (and serves feeds)
  // before its Redis connection is up, and answers writes 503 until then.
  const restartApi = async () => {
    api = await tidings.startApi({
      REDIS_URL: `redis://api:api-secret@127.0.0.1:${redis.port}`,
    });
    await eventually(
      async () => (await fetch(`${tidings.url}/readyz`)).status === 200 || undefined,
      30_000,
      'the restarted API to be ready',
    );
  };

  it.skipIf(!backend.available)(
    'enqueues, after a restart, what was committed but never enqueued, and keeps feed guids',
    async () => {
      const before = await feedItems(tidings.url, ALL);
      // The API may still count requests, but no longer write jobs: its next POST commits the
      // article and its outbox, then fails to enqueue, which is where it is killed.
      const prefix = tidings.env.QUEUE_PREFIX;
      redis.cli(
        'ACL',
        'SETUSER',
        'api',
        'resetkeys',
        `~${prefix}:rate*`,
        `~${prefix}:tidings-results:*`,
        `%R~${prefix}:tidings-translate:*`,
      );
      const posted = await postArticle(tidings, publisher, newsArticle(2));
      await api.waitFor(/enqueue failed after commit/, 20_000);
      const waiting = await getArticle(tidings, publisher, posted.id);
      expect(Object.values(waiting.languages).some((l) => l.status === 'queued')).toBe(true);
      api.child.kill('SIGKILL');
      await api.exited();

      redis.cli('ACL', 'SETUSER', 'api', 'resetkeys', '~*');
      await restartApi();
      ids.push(posted.id);
      const done = await untilFinal(tidings, publisher, posted.id);
      for (const lang of ALL.filter((l) => l !== newsArticle(2).language)) {
        expect(done.languages[lang]?.status, lang).toBe('published');
      }
      const after = await feedItems(tidings.url, ALL);
      for (const lang of ALL) {
        // Every item readers had is still there under the same guid, and one more.
        expect(after[lang], lang).toMatchObject(before[lang] ?? {});
        expect(Object.keys(after[lang] ?? {}).length, lang).toBe(ids.length);
      }
    },
  );

  it.skipIf(backend.name !== 'postgres' || !backend.available)(
    'persists once a result whose persisting was cut short by the kill',
    async () => {
      const before = await feedItems(tidings.url, ALL);
      const posted = await postArticle(tidings, publisher, newsArticle(3));
      // Hold the Spanish row: the API's transaction recording the next Spanish result
      // waits on it, in the middle of persisting, when the API is killed.
      const held = await holdTranslationRow(tidings.env.DATABASE_URL ?? '', posted.id, 'es');
      try {
        const blocked = await eventually(
          () => held.waiter(),
          60_000,
          'the API to wait on the Spanish row while persisting a result',
        );
        expect(blocked).toMatch(/UPDATE|INSERT/i);
        api.child.kill('SIGKILL');
        await api.exited();
        await held.release();

        await restartApi();
        ids.push(posted.id);
        const done = await untilFinal(tidings, publisher, posted.id);
        for (const lang of ALL.filter((l) => l !== newsArticle(3).language)) {
          expect(done.languages[lang]?.status, lang).toBe('published');
        }
        const after = await feedItems(tidings.url, ALL);
        for (const lang of ALL) expect(after[lang], lang).toMatchObject(before[lang] ?? {});
      } finally {
        await held.release();
      }
    },
  );

  it.skipIf(!backend.available)(
    `loses no result across ${API_KILLS} kills at random moments while results arrive`,
    async () => {
      const before = await feedItems(tidings.url, ALL);
      for (let round = 0; round < API_KILLS; round++) {
        // Articles keep arriving, so results are being persisted when the kill comes.
        for (const n of [10 + 2 * round, 11 + 2 * round]) {
          ids.push((await postArticle(tidings, publisher, newsArticle(n))).id);
        }
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 1_500));
        api.child.kill('SIGKILL');
        await api.exited();
        await restartApi();
      }
      for (const id of ids) await untilFinal(tidings, publisher, id, 120_000);
      const after = await feedItems(tidings.url, ALL);
      for (const lang of ALL) {
        expect(after[lang], lang).toMatchObject(before[lang] ?? {});
        expect(Object.keys(after[lang] ?? {}).length, lang).toBe(ids.length);
      }
    },
    300_000,
  );

  it.skipIf(!backend.available)(
    'has every accepted article published once in every language',
    async () => {
      api.child.kill('SIGKILL');
      await api.exited();
      expect(await auditStore(tidings, ids)).toEqual(nothingLost(ids.length));
    },
  );
});
