import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedisConnection, WorkerRegistry } from '@tidings/queue';
import { ensureTestModels } from '@tidings/test-models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type Installation, installation } from './harness/service.ts';

let tidings: Installation;
const redis = createRedisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 'producer');

beforeAll(async () => {
  const models = await ensureTestModels({ kinds: ['dictionary'] });
  // en, es, uk: es↔uk pivot through English, so four models serve the six directions.
  tidings = await installation({ MODELS_DIR: models.dictionaryModelsDir, LANGUAGES: 'en,es,uk' });
});
afterAll(async () => {
  await tidings?.destroy();
  redis.disconnect();
});

const announced = async (pid: number | undefined) =>
  (await new WorkerRegistry(redis, tidings.env.QUEUE_PREFIX ?? '').list()).find(
    (w) => w.pid === pid,
  );

describe('a worker at start (PRELOAD_MODELS)', () => {
  it('loads the models of the served directions before it takes a job, and says so', async () => {
    const worker = await tidings.startWorker();
    await worker.waitFor(/preloaded 4 models/, 30_000);
    // Two processes write the log (the engine and the worker): their lines are ordered by time.
    const lines = worker
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { time: number; msg: string });
    const at = (msg: string) => lines.find((l) => l.msg === msg)?.time ?? Number.NaN;
    // The models were ready before the worker said it was ready for jobs; no job was posted.
    expect(at('preloaded 4 models')).toBeLessThanOrEqual(at('worker ready'));
    expect(lines.filter((l) => /^preloaded model \d\/4$/.test(l.msg))).toHaveLength(4);
    const status = await eventually(
      async () => {
        const w = await announced(worker.child.pid);
        return w && w.models.length >= 4 ? w : undefined;
      },
      30_000,
      "the worker's heartbeat",
    );
    expect([...status.models].sort()).toEqual([
      'Xenova/opus-mt-en-es',
      'Xenova/opus-mt-en-uk',
      'Xenova/opus-mt-es-en',
      'Xenova/opus-mt-uk-en',
    ]);
    expect(status.jobs).toEqual([]);
  });

  it('counts only the models it loaded, and says how many failed, when none can be loaded', {
    timeout: 300_000,
  }, async () => {
    const empty = mkdtempSync(join(tmpdir(), 'tidings-no-models-'));
    try {
      const worker = await tidings.startWorker({ MODELS_DIR: empty });
      await worker.waitFor(/preloaded 0 of 4 models/, 60_000);
      const summary = worker
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { msg: string; models?: string[]; failed?: string[] })
        .find((l) => l.msg.startsWith('preloaded 0 of 4'));
      expect(summary?.msg).toBe(
        'preloaded 0 of 4 models; 4 could not be loaded (their first jobs will try again)',
      );
      expect(summary?.models).toEqual([]);
      expect(summary?.failed).toHaveLength(4);
      expect(worker.output()).not.toMatch(/"msg":"preloaded 4 models/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('loads nothing before the first job with PRELOAD_MODELS=none', async () => {
    const worker = await tidings.startWorker({ PRELOAD_MODELS: 'none' });
    const status = await eventually(
      () => announced(worker.child.pid),
      30_000,
      "the worker's heartbeat",
    );
    expect(status.models).toEqual([]);
    expect(worker.output()).not.toContain('preloaded');
  });
});
