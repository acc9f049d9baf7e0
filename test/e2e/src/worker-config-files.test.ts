import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './harness/free-port.ts';
import { launch } from './harness/launch.ts';

const dir = mkdtempSync(join(tmpdir(), 'tidings-worker-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A worker started with `env`; resolves with its exit and output, or undefined if it runs on. */
async function startWorker(env: Record<string, string>) {
  const worker = launch(['--import', 'tsx', 'apps/worker/src/main.ts'], {
    DATA_DIR: dir,
    QUEUE_PREFIX: `e2e-${randomUUID().slice(0, 8)}`,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    MODELS_DIR: join(dir, 'models'),
    ALLOW_REMOTE_MODELS: 'false',
    PRELOAD_MODELS: 'none',
    ...env,
  });
  const exit = await Promise.race([
    worker.exited(),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 30_000)),
  ]);
  if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
  return { exit, output: worker.output() };
}

describe('a worker whose MODEL_MAP or GLOSSARY file is wrong', () => {
  it('stops at start with one line naming the variable and the file, taking no job', {
    timeout: 120_000,
  }, async () => {
    const missing = join(dir, 'no-such-map.json');
    const { exit, output } = await startWorker({ MODEL_MAP: missing });
    // Before: the engine died with a stack trace, and the worker said "worker ready" and took
    // jobs, failing every one of them ("the translation engine exited").
    expect(exit?.code).toBe(1);
    expect(output).not.toMatch(/worker ready/);
    expect(output).not.toMatch(/\n\s+at /);
    expect(output.trim()).toBe(
      `tidings-worker: MODEL_MAP: Invalid translator configuration in ${missing}: cannot read the file`,
    );
  });

  it('says so for a glossary that is not JSON too', { timeout: 120_000 }, async () => {
    const glossary = join(dir, 'glossary.json');
    writeFileSync(glossary, '{ "terms": [');
    const { exit, output } = await startWorker({ GLOSSARY: glossary });
    expect(exit?.code).toBe(1);
    expect(output).not.toMatch(/worker ready/);
    expect(output.trim().split('\n')).toHaveLength(1);
    expect(output).toMatch(new RegExp(`^tidings-worker: GLOSSARY: .*${glossary}`));
  });
});

describe('an API whose GLOSSARY file is wrong', () => {
  it('stops at start with one line naming GLOSSARY and the file, as the worker does', {
    timeout: 180_000,
  }, async () => {
    const glossary = join(dir, 'api-glossary.json');
    writeFileSync(glossary, '{ "terms": [');
    const api = launch(['--import', 'tsx', 'apps/api/src/main.ts'], {
      PORT: String(await freePort()),
      DATA_DIR: join(dir, 'api'),
      QUEUE_PREFIX: `e2e-${randomUUID().slice(0, 8)}`,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      GLOSSARY: glossary,
    });
    expect((await api.exited()).code).toBe(1);
    // Before: 'tidings-api: Invalid translator configuration in FILE: …', naming no variable.
    const last = api.output().trim().split('\n').at(-1);
    expect(last).toMatch(new RegExp(`^tidings-api: GLOSSARY: .*${glossary}`));
  });
});
