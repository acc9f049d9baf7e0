import type { LanguageCode } from '@tidings/core';
import { LANGUAGES } from '@tidings/core';
import {
  createRedisConnection,
  STALLED_TOO_OFTEN,
  TRANSLATE_MAX_STALLED_COUNT,
  TRANSLATE_QUEUE,
  translateJobId,
} from '@tidings/queue';
import { ensureTestModels } from '@tidings/test-models';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postArticle, untilFinal } from './harness/article-client.ts';
import { descendants, type Launched } from './harness/launch.ts';
import { newsArticle } from './harness/newsroom.ts';
import { eventually, type Installation, installation } from './harness/service.ts';

const redis = createRedisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 'worker');
const STALLED_RETRIES = 1;
// `npm test` uses short locks; `npm run soak` the default lock duration, as in production.
const LOCK_MS = Number(process.env.TIDINGS_STALL_LOCK_MS ?? 2_000);

// Six deaths of a job's workers take six kills per job; the test has BullMQ count five of
// them already (the job's stall counter), so that one real kill is the one too many.
describe(`a job BullMQ fails for stalling (its workers died six times while holding it; locks of ${LOCK_MS} ms)`, () => {
  let tidings: Installation;
  let translate: Queue;
  let publisher: string;
  let holding: Launched | undefined;

  beforeAll(async () => {
    const models = await ensureTestModels({ kinds: ['dictionary'] });
    tidings = await installation({
      MODELS_DIR: models.dictionaryModelsDir,
      WORKER_LOCK_DURATION_MS: String(LOCK_MS),
      WORKER_CONCURRENCY: '8',
      STALLED_RETRIES: String(STALLED_RETRIES),
    });
    translate = new Queue(TRANSLATE_QUEUE, { connection: redis, prefix: tidings.env.QUEUE_PREFIX });
    await tidings.startApi();
    publisher = await tidings.createKey('publisher');
  });
  afterAll(async () => {
    await translate?.obliterate({ force: true }).catch(() => undefined);
    await tidings?.destroy();
    redis.disconnect();
  });

  // A worker whose translation engine is frozen takes jobs and holds them, renewing their
  // locks, without ever finishing one.
  const holdingWorker = async (): Promise<Launched> => {
    const worker = await tidings.startWorker();
    for (const pid of descendants(worker.child.pid ?? 0)) process.kill(pid, 'SIGSTOP');
    return worker;
  };
  const kill = async (worker: Launched) => {
    const engines = descendants(worker.child.pid ?? 0);
    worker.child.kill('SIGKILL');
    for (const pid of engines) process.kill(pid, 'SIGKILL');
    await worker.exited();
  };
  // The jobs are held; BullMQ is told they stalled five times before, and their worker dies.
  const dieOnceMore = async (worker: Launched, ids: string[]) => {
    await eventually(
      async () => {
        const states = await Promise.all(ids.map(async (id) => translate.getJob(id)));
        const active = await Promise.all(states.map((j) => j?.getState()));
        return active.every((s) => s === 'active') || undefined;
      },
      120_000,
      'every job to be held',
    );
    for (const id of ids) {
      await redis.hset(translate.toKey(id), 'stc', TRANSLATE_MAX_STALLED_COUNT);
    }
    await kill(worker);
  };
  const jobIds = (id: string, language: string, retry = 0) =>
    LANGUAGES.map((l) => l.code)
      .filter((l) => l !== language)
      .map((t) => translateJobId(id, 1, t as LanguageCode, retry));

  it(`is failed, with the reason, once ${STALLED_RETRIES} fresh job stalled out too`, async () => {
    const first = await holdingWorker();
    const article = newsArticle(1);
    const { id } = await postArticle(tidings, publisher, article);
    await dieOnceMore(first, jobIds(id, article.language));
    // The next worker fails them for stalling, the API queues fresh jobs, and it holds those.
    const second = await holdingWorker();
    await dieOnceMore(second, jobIds(id, article.language, 1));
    holding = await holdingWorker();
    const done = await untilFinal(tidings, publisher, id, 180_000);
    const jobs = STALLED_RETRIES + 1;
    for (const [lang, state] of Object.entries(done.languages)) {
      if (lang === article.language) continue;
      expect(state.status, lang).toBe('failed');
      expect(state.reason, lang).toMatch(
        new RegExp(`^its workers died or stalled ${jobs * 6} times while holding it`),
      );
    }
    for (const job of await Promise.all(
      jobIds(id, article.language, 1).map((j) => translate.getJob(j)),
    )) {
      expect(job?.failedReason).toBe(STALLED_TOO_OFTEN);
    }
    expect(await translate.getJob(jobIds(id, article.language, 2)[0] ?? '')).toBeUndefined();
  }, 900_000);

  it('is translated again as a fresh job and published within a minute of the restart', async () => {
    // The worker the first test left holding jobs, or one of its own.
    const worker = holding ?? (await holdingWorker());
    const article = newsArticle(2);
    const { id } = await postArticle(tidings, publisher, article);
    await dieOnceMore(worker, jobIds(id, article.language));
    const restarted = Date.now();
    await tidings.startWorker();
    const done = await untilFinal(tidings, publisher, id, 120_000);
    const seconds = (Date.now() - restarted) / 1000;
    for (const [lang, state] of Object.entries(done.languages)) {
      expect(state.status, lang).toBe('published');
    }
    expect(seconds).toBeLessThan(60);
    const stalled = await Promise.all(jobIds(id, article.language).map((j) => translate.getJob(j)));
    expect(stalled.map((j) => j?.failedReason)).toEqual(stalled.map(() => STALLED_TOO_OFTEN));
    const fresh = await Promise.all(
      jobIds(id, article.language, 1).map((j) => translate.getJob(j)),
    );
    expect(await Promise.all(fresh.map((j) => j?.getState()))).toEqual(
      fresh.map(() => 'completed'),
    );
    process.stdout.write(`stalled out, published ${seconds.toFixed(1)} s after the restart\n`);
  }, 600_000);
});
