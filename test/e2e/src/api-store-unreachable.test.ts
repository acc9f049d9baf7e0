import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './harness/free-port.ts';
import { launch } from './harness/launch.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'tidings-no-postgres-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('an API whose DATABASE_URL leads nowhere', () => {
  it('stops at start with one line naming DATABASE_URL and why, without the password', {
    timeout: 120_000,
  }, async () => {
    const port = await freePort();
    const api = launch(['--import', 'tsx', 'apps/api/src/main.ts'], {
      PORT: String(await freePort()),
      DATA_DIR: dataDir,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      DATABASE_URL: `postgres://tidings:s3cret@127.0.0.1:${port}/news`,
    });
    const { code } = await api.exited();
    expect(code).toBe(1);
    // Before: a fatal JSON log line with the error's stack.
    expect(api.output().trim()).toBe(
      `tidings-api: cannot open the store at DATABASE_URL (tidings@127.0.0.1:${port}/news): connect ECONNREFUSED 127.0.0.1:${port}. Make sure PostgreSQL answers there and lets this user into that database, or correct DATABASE_URL (unset, the embedded store in DATA_DIR is used).`,
    );
    expect(api.output()).not.toMatch(/s3cret/);
  });
});
