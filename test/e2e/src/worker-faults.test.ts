import {
  createRedisConnection,
  RESULTS_QUEUE,
  TRANSLATE_JOB,
  TRANSLATE_JOB_OPTIONS,
  TRANSLATE_QUEUE,
  translateJobId,
} from '@tidings/queue';
import { ensureTestModels } from '@tidings/test-models';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type Installation, installation } from './harness/service.ts';

let tidings: Installation;
const redis = createRedisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 'worker');
let translate: Queue;
let results: Queue;

beforeAll(async () => {
  const models = await ensureTestModels({ kinds: ['dictionary'] });
  tidings = await installation({ MODELS_DIR: models.dictionaryModelsDir });
  translate = new Queue(TRANSLATE_QUEUE, { connection: redis, prefix: tidings.env.QUEUE_PREFIX });
  results = new Queue(RESULTS_QUEUE, { connection: redis, prefix: tidings.env.QUEUE_PREFIX });
  await tidings.startWorker();
});
afterAll(async () => {
  await translate?.obliterate({ force: true }).catch(() => undefined);
  await results?.obliterate({ force: true }).catch(() => undefined);
  await tidings?.destroy();
  redis.disconnect();
});

describe('a worker given bad jobs', () => {
  it('fails a malformed job once, without retries, and goes on working', async () => {
    const bad = await translate.add(
      TRANSLATE_JOB,
      { articleId: 'a1', revision: 'one', source: 'en', target: 'xx' },
      { ...TRANSLATE_JOB_OPTIONS, jobId: 'malformed-1' },
    );
    const failed = await eventually(
      async () => {
        const job = await translate.getJob(bad.id ?? '');
        return (await job?.getState()) === 'failed' ? job : undefined;
      },
      60_000,
      'the malformed job to fail',
    );
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toMatch(/malformed job: .*revision/);

    // The same worker then translates a good job and hands its result back.
    const content = { title: 'Ukraine', summary: '', body: '<p>Ukraine</p>', categories: [] };
    const jobId = translateJobId('a2', 1, 'es');
    await translate.add(
      TRANSLATE_JOB,
      { articleId: 'a2', revision: 1, source: 'en', target: 'es', content },
      { ...TRANSLATE_JOB_OPTIONS, jobId },
    );
    const result = await eventually(
      async () => (await results.getJob(`finished.${jobId}`)) ?? undefined,
      60_000,
      'the good job result',
    );
    expect(result.data.outcome).toBe('published');
    expect(result.data.content.title).toBe('Ucrania');
  });
});
