import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';
import { type Launched, launch } from './launch.ts';

/** One installation under test: its data directory, port, queue prefix and environment. */
export interface Installation {
  readonly env: Record<string, string>;
  readonly url: string;
  readonly dataDir: string;
  /** Starts an API process and resolves once it listens. */
  startApi(extra?: Record<string, string>): Promise<Launched>;
  /** Starts a worker process and resolves once it is connected and ready for jobs. */
  startWorker(extra?: Record<string, string>): Promise<Launched>;
  /** The admin token the first API start wrote to DATA_DIR/admin-key. */
  adminToken(): string;
  /** Makes a key through the API, as an operator would. */
  createKey(role: 'publisher' | 'editor'): Promise<string>;
  /** Calls the API with a bearer key and a JSON body. */
  call(method: string, path: string, key: string, body?: unknown): Promise<Response>;
  /** Kills every process it started and removes its data. */
  destroy(): Promise<void>;
}

// A first start on PGlite (initdb in WebAssembly) takes a minute of CPU on a machine whose two
// cores are shared by many test runs; a process that never starts still fails, later.
const STARTUP_MS = 180_000;

/**
 * A private installation: its own DATA_DIR (PGlite unless DATABASE_URL is passed), port and
 * queue prefix on the shared test Redis, so tests never see each other's jobs.
 *
 * @example
 * const tidings = await installation({ MODELS_DIR: models.dictionaryModelsDir });
 * await tidings.startApi();
 */
export async function installation(env: Record<string, string> = {}): Promise<Installation> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tidings-e2e-'));
  const port = await freePort();
  const base: Record<string, string> = {
    PORT: String(port),
    DATA_DIR: dataDir,
    QUEUE_PREFIX: `e2e-${randomUUID().slice(0, 8)}`,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    ALLOW_REMOTE_MODELS: 'false',
    LOG_LEVEL: 'info',
    ...env,
  };
  const url = `http://127.0.0.1:${port}`;
  const started: Launched[] = [];
  const self: Installation = {
    env: base,
    url,
    dataDir,
    async startApi(extra = {}) {
      const api = launch(['--import', 'tsx', 'apps/api/src/main.ts'], { ...base, ...extra });
      started.push(api);
      await api.waitFor(/Tidings API listening/, STARTUP_MS);
      return api;
    },
    async startWorker(extra = {}) {
      const worker = launch(['--import', 'tsx', 'apps/worker/src/main.ts'], { ...base, ...extra });
      started.push(worker);
      await worker.waitFor(/worker ready/, STARTUP_MS);
      return worker;
    },
    adminToken: () => readFileSync(join(dataDir, 'admin-key'), 'utf8').trim(),
    async createKey(role) {
      const res = await self.call('POST', '/v1/keys', self.adminToken(), {
        name: `e2e ${role}`,
        role,
      });
      if (res.status !== 201)
        throw new Error(`key creation answered ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    call(method, path, key, body) {
      return fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    },
    async destroy() {
      for (const p of started) if (p.child.exitCode === null) p.child.kill('SIGKILL');
      await Promise.all(started.map((p) => p.exited()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return self;
}

/**
 * Polls `check` until it returns a value other than `undefined`, or throws after `ms`.
 *
 * @example
 * await eventually(async () => (await status()).done || undefined, 60_000);
 */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  ms = 60_000,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + ms;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
