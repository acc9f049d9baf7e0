import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '@tidings/core';
import { postgresProblem, privateSchema } from '@tidings/store/testing';
import type { BenchRow } from './bench-row.ts';
import { freePort } from './free-port.ts';
import { loadTest } from './load-test.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const MiB = 2 ** 20;

/** Options of {@link apiMemory}. */
export interface ApiMemoryOptions {
  readonly redisUrl: string;
  /** PostgreSQL to measure on as well (a fresh schema, dropped afterwards); skipped if down. */
  readonly databaseUrl: string;
  /** Requests between the two readings; default 10,000. */
  readonly requests?: number;
}

/** Resident memory of a process, from /proc (Linux), in MiB. */
function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? Number.NaN);
  return (kib * 1024) / MiB;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Readings, a second apart, that must agree within 1% for the RSS to count as settled: longer
 * than V8's memory reducer waits once a process goes quiet (8 s, `--gc-memory-reducer-start-delay-ms`)
 * before it gives back what a busy heap took, so that every reading is taken on the same side
 * of it.
 */
const STEADY_READINGS = 15;

/**
 * RSS once it has settled: read every second after `ms`, until the last
 * {@link STEADY_READINGS} readings agree within 1% (at most 120 more seconds; a first PGlite
 * start frees its initdb late, and V8's memory reducer gives back in one to three steps).
 */
async function settledRss(pid: number, ms: number): Promise<number> {
  await pause(ms);
  const window = [rssMiB(pid)];
  for (let i = 0; i < 120; i++) {
    await pause(1000);
    window.push(rssMiB(pid));
    if (window.length > STEADY_READINGS) window.shift();
    const low = Math.min(...window);
    if (window.length === STEADY_READINGS && (Math.max(...window) - low) / low < 0.01) break;
  }
  return window.at(-1) ?? Number.NaN;
}

/**
 * Starts the real API (`apps/api/src/main.ts`, as `npm start` does: with API_V8_FLAGS) and waits
 * until it listens.
 */
async function startApi(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const childEnv = { ...process.env, LOG_FORMAT: 'json', LOG_LEVEL: 'info', ...env };
  const flags = parseConfig(childEnv).apiV8Flags;
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`API did not start: ${text.slice(-300)}`)),
      300_000,
    );
    const seen = (chunk: Buffer) => {
      text += chunk;
      const url = /Tidings API listening on (http:\/\/[^\s"]+)/.exec(text)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    };
    child.stdout?.on('data', seen);
    child.stderr?.on('data', seen);
    child.once('exit', (code) => reject(new Error(`API exited with ${code}: ${text.slice(-300)}`)));
  });
}

/**
 * The API's resident memory, as an operator would see it (`/proc/<pid>/status` of the real API
 * process, started as `npm start` starts it, with API_V8_FLAGS, API only): idle (from 10 s
 * after it listens, once it has settled: {@link STEADY_READINGS} readings a second apart within
 * 1%), as the last of {@link WARM_UP} public requests is answered (half
 * `GET /feeds/en/rss.xml`, half `GET /readyz`, which asks the store and Redis), settled again
 * after them, and settled after `requests` more, on PGlite and on PostgreSQL. Targets: idle ≤
 * 250 MiB on PostgreSQL, ≤ 350 MiB on PGlite; settled growth from idle over the first
 * {@link WARM_UP} ≤ 10%.
 *
 * @example
 * const rows = await apiMemory({ redisUrl: 'redis://127.0.0.1:6379', databaseUrl: 'postgres://postgres@127.0.0.1:5432/test' }, console.log);
 */
export async function apiMemory(
  options: ApiMemoryOptions,
  progress: (line: string) => void,
): Promise<BenchRow[]> {
  const rows = await measureOn('PGlite', undefined, 350, options, progress);
  const problem = await postgresProblem(options.databaseUrl);
  if (problem !== undefined) {
    progress(
      `  api memory: PostgreSQL at ${options.databaseUrl} unreachable (${problem}); skipped`,
    );
    return rows;
  }
  const schema = await privateSchema('benchmem', options.databaseUrl);
  try {
    rows.push(...(await measureOn('PostgreSQL', schema.url, 250, options, progress)));
  } finally {
    await schema.drop().catch(() => undefined);
  }
  return rows;
}

/**
 * Requests before the growth is counted from. With V8's defaults (API_V8_FLAGS=none), under its
 * first requests V8 grows its heap (the young generation above all) by ~35 MiB that it keeps
 * while busy and gives back only when its memory reducer runs, a minute or more after the
 * process goes quiet, at no fixed time; the live heap after a full GC stays where it was (~45 MiB
 * on PostgreSQL over 40,000 requests). The default API_V8_FLAGS cap that sizing; what is left
 * from idle is mostly first-use cost: ICU's locale data inside the node binary, read by the
 * first `Intl` call (the first feed request makes one: ~4.5 MiB of node's read-only mapping in
 * `smaps`), optimized code, and the old generation's room to its next full GC (at least 8 MiB
 * in V8, whatever API_V8_FLAGS say).
 */
const WARM_UP = 10_000;

/** `amount` public requests: half `GET /feeds/en/rss.xml`, half `GET /readyz`. */
async function publicLoad(url: string, amount: number): Promise<void> {
  for (const path of ['/feeds/en/rss.xml', '/readyz']) {
    const r = await loadTest(`${url}${path}`, {
      seconds: 600,
      amount: amount / 2,
      connections: 10,
    });
    if (r.non2xx > 0 || r.errors > 0)
      throw new Error(`${path}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  }
}

async function measureOn(
  label: 'PGlite' | 'PostgreSQL',
  databaseUrl: string | undefined,
  idleTarget: number,
  options: ApiMemoryOptions,
  progress: (line: string) => void,
): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tidings-bench-mem-'));
  const requests = options.requests ?? 10_000;
  const { child, url } = await startApi({
    PORT: String(await freePort()),
    DATA_DIR: dataDir,
    REDIS_URL: options.redisUrl,
    QUEUE_PREFIX: `bench-mem-${randomUUID().slice(0, 8)}`,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  try {
    const pid = child.pid ?? 0;
    const idle = await settledRss(pid, 10_000);
    await publicLoad(url, WARM_UP);
    const busy = rssMiB(pid);
    const warm = await settledRss(pid, 1_000);
    await publicLoad(url, requests);
    const after = await settledRss(pid, 1_000);
    progress(
      `  api memory ${label}: idle ${idle.toFixed(0)} MiB, after ${WARM_UP} warm-up requests ${warm.toFixed(0)} MiB (${busy.toFixed(0)} MiB as the last one was answered), after ${requests} more ${after.toFixed(0)} MiB`,
    );
    const section = 'api-memory';
    const growth = after / warm - 1;
    return [
      {
        section,
        name: `API RSS idle, ${label}`,
        value: idle,
        unit: 'MiB',
        note: `real API process, from 10 s after it listens, settled (${STEADY_READINGS} readings within 1%)`,
        target: { op: '<=', value: idleTarget, met: idle <= idleTarget },
      },
      {
        section,
        name: `API RSS as the last of ${WARM_UP.toLocaleString('en')} warm-up requests is answered, ${label}`,
        value: busy,
        unit: 'MiB',
        note: `busy: before V8's memory reducer gives back what the load took; ${(busy / idle - 1).toFixed(3)} over idle`,
      },
      {
        section,
        name: `API RSS after ${WARM_UP.toLocaleString('en')} warm-up requests, ${label}`,
        value: warm,
        unit: 'MiB',
        note: `the same mix; settled as idle is (${STEADY_READINGS} readings within 1%)`,
      },
      {
        section,
        name: `API RSS after ${requests.toLocaleString('en')} more requests, ${label}`,
        value: after,
        unit: 'MiB',
        note: `half GET /feeds/en/rss.xml, half GET /readyz; settled as idle is`,
      },
      {
        section,
        name: `API RSS growth over the first ${WARM_UP.toLocaleString('en')} requests, from idle, ${label}`,
        value: warm / idle - 1,
        unit: 'ratio',
        note: "settled after the requests / settled idle − 1: the issue's reading, both on the same side of V8's memory reducer",
        target: { op: '<=', value: 0.1, met: warm / idle - 1 <= 0.1 },
      },
      {
        section,
        name: `API RSS growth over ${requests.toLocaleString('en')} more requests, warmed up, ${label}`,
        value: growth,
        unit: 'ratio',
        note: 'after / warmed up − 1: whether it keeps growing once V8 has sized its heap',
      },
    ];
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
