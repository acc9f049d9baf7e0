import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureTestModels } from '@tidings/test-models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './harness/free-port.ts';
import type { Launched } from './harness/launch.ts';
import { PrivateRedis } from './harness/private-redis.ts';
import { type Installation, installation } from './harness/service.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tidings-logs-'));

/** Lines that are not one JSON object each: what an operator's log shipper cannot read. */
function rawLines(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .filter((line) => {
      try {
        return typeof JSON.parse(line) !== 'object';
      } catch {
        return true;
      }
    });
}

describe('logs with LOG_FORMAT=json while Redis is away', () => {
  let redis: PrivateRedis;
  let tidings: Installation;
  let api: Launched;
  let worker: Launched;

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort(), scratch, false);
    await redis.start();
    const models = await ensureTestModels({ kinds: ['dictionary'] });
    tidings = await installation({
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
      MODELS_DIR: models.dictionaryModelsDir,
      LOG_FORMAT: 'json',
    });
    api = await tidings.startApi();
    worker = await tidings.startWorker();
  });
  afterAll(async () => {
    await tidings?.destroy();
    await redis?.kill();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('stay JSON, one line per event, with no raw stack traces from the API or the worker', async () => {
    const before = { api: api.output().length, worker: worker.output().length };
    await redis.kill();
    await sleep(8_000);
    const apiLines = api.output().slice(before.api);
    const workerLines = worker.output().slice(before.worker);
    expect(rawLines(apiLines), apiLines.slice(0, 2000)).toEqual([]);
    expect(rawLines(workerLines), workerLines.slice(0, 2000)).toEqual([]);
    expect(apiLines).toMatch(/redis/i);
  });
});
