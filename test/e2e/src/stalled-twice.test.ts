import type { LanguageCode } from '@tidings/core';
import { LANGUAGES } from '@tidings/core';
import { createRedisConnection, TRANSLATE_QUEUE, translateJobId } from '@tidings/queue';
import { ensureTestModels } from '@tidings/test-models';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postArticle, untilFinal } from './harness/article-client.ts';
import { descendants, type Launched } from './harness/launch.ts';
import { newsArticle } from './harness/newsroom.ts';
import { eventually, type Installation, installation } from './harness/service.ts';

// `npm test` uses short locks; `npm run soak` the default lock duration, as in production.
const LOCK_MS = Number(process.env.TIDINGS_STALL_LOCK_MS ?? 2_000);
const redis = createRedisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 'worker');

describe(`a job whose worker is killed twice while holding it (locks of ${LOCK_MS} ms)`, () => {
  let tidings: Installation;
  let translate: Queue;
  let publisher: string;

  beforeAll(async () => {
    const models = await ensureTestModels({ kinds: ['dictionary'] });
    tidings = await installation({
      MODELS_DIR: models.dictionaryModelsDir,
      WORKER_LOCK_DURATION_MS: String(LOCK_MS),
      WORKER_CONCURRENCY: '8',
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
  const held = (ids: string[], stalls: number) =>
    eventually(
      async () => {
        const jobs = await Promise.all(ids.map((id) => translate.getJob(id)));
        const states = await Promise.all(jobs.map((j) => j?.getState()));
        const ok = jobs.every((j, i) => states[i] === 'active' && j?.stalledCounter === stalls);
        return ok || undefined;
      },
      120_000,
      `every job to be held again after ${stalls} stall(s)`,
    );

  it('is retried, not failed, and published within a minute of the second restart', async () => {
    const first = await holdingWorker();
    const article = newsArticle(1);
    const { id, revision } = await postArticle(tidings, publisher, article);
    const targets = LANGUAGES.map((l) => l.code).filter((l) => l !== article.language);
    const jobIds = targets.map((t) => translateJobId(id, revision, t as LanguageCode));
    await held(jobIds, 0);
    await kill(first);

    const second = await holdingWorker();
    await held(jobIds, 1);
    await kill(second);

    const restarted = Date.now();
    await tidings.startWorker();
    const done = await untilFinal(tidings, publisher, id, 120_000);
    const seconds = (Date.now() - restarted) / 1000;
    for (const lang of targets) expect(done.languages[lang]?.status, lang).toBe('published');
    expect(seconds).toBeLessThan(60);
    const jobs = await Promise.all(jobIds.map((j) => translate.getJob(j)));
    expect(jobs.map((j) => j?.stalledCounter)).toEqual(jobIds.map(() => 2));
    process.stdout.write(`killed twice, published ${seconds.toFixed(1)} s after the restart\n`);
  }, 600_000);
});
