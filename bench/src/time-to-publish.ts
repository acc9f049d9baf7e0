import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleContent, LanguageCode } from '@tidings/core';
import { Translator } from '@tidings/translator';
import { Redis } from 'ioredis';
import { type BenchRow, ratioRow } from './bench-row.ts';
import { articleOfWords, seedHtml } from './corpus.ts';
import { freePort } from './free-port.ts';
import { median } from './measure.ts';
import { OPUS_MODEL, opusModelsDir } from './opus-models.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const WORKER = new URL('./publish-worker.ts', import.meta.url).pathname;
/** The five languages an English article is translated into (LANGUAGES' default). */
const TARGETS = ['es', 'de', 'fr', 'it', 'uk'] as const satisfies readonly LanguageCode[];
const SEED = 'chas-pravdy-jef.txt';

/** Options of {@link timeToPublish}. */
export interface PublishOptions {
  readonly runs: number;
  /** ORT_THREADS of the one worker and of the translator alone; the burst's two get half. */
  readonly threads: number;
  /** New tokens per segment, in the worker and the translator alone alike. */
  readonly newTokens: number;
  /** Articles posted at once in the burst; default 20. */
  readonly burst?: number;
  readonly redisUrl: string;
}

interface Started {
  readonly child: ChildProcess;
  readonly match: RegExpExecArray;
  /** The last lines it wrote, for an error message. */
  tail(): string;
}

/** Starts `node --import tsx <script>` and waits until its output matches `ready`. */
function startProcess(
  name: string,
  script: string,
  args: readonly string[],
  env: Record<string, string>,
  ready: RegExp,
  timeoutMs: number,
): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_FORMAT: 'json', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const tail = () => text.slice(-600);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} not ready after ${timeoutMs / 1000} s: ${tail()}`));
    }, timeoutMs);
    let done = false;
    const seen = (chunk: Buffer) => {
      text = (text + chunk).slice(-20_000);
      const match = done ? null : ready.exec(text);
      if (match) {
        done = true;
        clearTimeout(timer);
        resolve({ child, match, tail });
      }
    };
    child.stdout?.on('data', seen);
    child.stderr?.on('data', seen);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!done) reject(new Error(`${name} exited with ${code}: ${tail()}`));
    });
  });
}

/** SIGTERM (a graceful stop), then SIGKILL after 20 s. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

/**
 * A models dir with the Opus-sized en→es under each of the five en→xx ids of the built-in
 * model map (symlinks): only en→es exists at Opus size, and the compute per direction is what
 * matters.
 */
async function fiveDirections(): Promise<string> {
  const { modelsDir: opus } = await opusModelsDir('opus-sized');
  const dir = mkdtempSync(join(tmpdir(), 'tidings-bench-publish-models-'));
  mkdirSync(join(dir, 'Xenova'));
  for (const to of TARGETS)
    symlinkSync(join(opus, OPUS_MODEL), join(dir, `Xenova/opus-mt-en-${to}`));
  return dir;
}

interface LanguageState {
  readonly status: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly publishedAt: string | null;
  readonly reason: string | null;
}

/** One language's way to publication, epoch ms: the worker's start and end, the store's publication. */
interface Timeline {
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly publishedAt: number;
}

/**
 * How often the bench reads the articles while it waits. Its figures are the store's own
 * times (`publishedAt`, the worker's `startedAt` and `finishedAt`), so the interval decides only
 * when the bench notices, not what it measures; but every read is work for the API on the cores
 * the worker translates on. Read every 100 ms, the seed article cost the API 1.7 s of CPU per
 * article instead of 0.5 s (loaded machine, 2026-12-01), which the worker's two ONNX Runtime
 * threads had to share with it.
 */
const POLL_MS = 1000;

type Languages = Partial<Record<LanguageCode, LanguageState>>;

class Api {
  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }

  /** Posts an article; `at` is the time just before the request went out (epoch ms). */
  async post(content: { title: string; body: string }): Promise<{ id: string; at: number }> {
    const at = Date.now();
    const { id } = await this.request<{ id: string }>('POST', '/v1/articles', {
      ...content,
      language: 'en',
    });
    return { id, at };
  }

  /**
   * The language states of `ids`: one article by its own address; several by one page of the
   * listing (the bench's key sees only its own articles, newest first), and any it does not
   * hold one by one.
   */
  async states(ids: readonly string[]): Promise<Map<string, Languages>> {
    const out = new Map<string, Languages>();
    if (ids.length > 1) {
      const { items } = await this.request<{ items: { id: string; languages: Languages }[] }>(
        'GET',
        '/v1/articles?limit=100',
      );
      const wanted = new Set(ids);
      for (const a of items) if (wanted.has(a.id)) out.set(a.id, a.languages);
    }
    for (const id of ids.filter((i) => !out.has(i))) {
      const { languages } = await this.request<{ languages: Languages }>(
        'GET',
        `/v1/articles/${id}`,
      );
      out.set(id, languages);
    }
    return out;
  }

  /**
   * Reads the articles every `intervalMs` until each of the five languages is published, and gives
   * each one's {@link Timeline}, in the order of TARGETS. A language held or failed, or the time
   * running out, throws with the article and the languages concerned.
   */
  async published(
    ids: readonly string[],
    timeoutMs: number,
    intervalMs = POLL_MS,
    onPublished?: (done: number) => void,
  ): Promise<Map<string, Timeline[]>> {
    const until = Date.now() + timeoutMs;
    const out = new Map<string, Timeline[]>();
    const time = (iso: string | null | undefined) => Date.parse(iso ?? '');
    for (;;) {
      const left = ids.filter((i) => !out.has(i));
      for (const [id, languages] of await this.states(left)) {
        const states = TARGETS.map((to) => [to, languages[to]] as const);
        const stuck = states.filter(([, s]) => s && ['needs_review', 'failed'].includes(s.status));
        if (stuck.length > 0)
          throw new Error(
            `article ${id}: ${stuck.map(([to, s]) => `${to} ${s?.status} (${s?.reason ?? ''})`).join('; ')}`,
          );
        if (states.every(([, s]) => s?.status === 'published' && s.publishedAt)) {
          out.set(
            id,
            states.map(([, s]) => ({
              startedAt: time(s?.startedAt),
              finishedAt: time(s?.finishedAt),
              publishedAt: time(s?.publishedAt),
            })),
          );
          onPublished?.(out.size);
        }
      }
      if (out.size === ids.length) return out;
      if (Date.now() > until) {
        throw new Error(
          `${ids.length - out.size} of ${ids.length} articles not published in all five languages after ${timeoutMs / 1000} s`,
        );
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuMs(pid: number | undefined): number {
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/** The pids of `parent`'s children, from /proc (Linux); none elsewhere. */
function childPids(parent: number | undefined): number[] {
  if (!existsSync('/proc')) return [];
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return (
          readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] === String(parent)
        );
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Nearest-rank percentile. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * Time to publish, as a newsroom sees it: from the `POST /v1/articles` of the seed article to
 * the last of its five languages published, through the real API process (PGlite in a temp
 * dir), BullMQ on Redis under a private prefix, a real worker process (the worker's own
 * `startWorker`, from `publish-worker.ts`, the gates set aside and a fixed number of new
 * tokens, as the translator sections) and the results consumer that publishes; over the
 * `Translator` alone on the same article, the same model files and the same five targets, in
 * this process. Then p50 and p99 of POST → each language's publication over a burst of
 * `burst` articles posted at once to two workers. Target: ratio ≤ 1.15.
 *
 * @example
 * const rows = await timeToPublish({ runs: 3, threads: 2, newTokens: 12, redisUrl: 'redis://127.0.0.1:6379' }, console.log);
 */
export async function timeToPublish(
  options: PublishOptions,
  progress: (line: string) => void,
): Promise<BenchRow[]> {
  const section = 'publish';
  const prefix = `bench-publish-${randomUUID().slice(0, 8)}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'tidings-bench-publish-'));
  const modelsDir = await fiveDirections();
  const children: ChildProcess[] = [];
  const benchmark = JSON.stringify({ gates: false, newTokens: options.newTokens });
  const workerEnv = (threads: number) => ({
    REDIS_URL: options.redisUrl,
    QUEUE_PREFIX: prefix,
    DATA_DIR: dataDir,
    MODELS_DIR: modelsDir,
    ALLOW_REMOTE_MODELS: 'false',
    MODEL_DTYPE: 'fp32',
    MODEL_CACHE_SIZE: String(TARGETS.length),
    PRELOAD_MODELS: TARGETS.map((to) => `en-${to}`).join(','),
    ORT_THREADS: String(threads),
  });
  const startWorker = async (threads: number) => {
    const worker = await startProcess(
      'worker',
      WORKER,
      [benchmark],
      workerEnv(threads),
      /"msg":"worker ready"/,
      600_000,
    );
    children.push(worker.child);
    return worker;
  };
  let translator: Translator | undefined;
  try {
    const api = await startProcess(
      'API',
      'apps/api/src/main.ts',
      [],
      {
        PORT: String(await freePort()),
        REDIS_URL: options.redisUrl,
        QUEUE_PREFIX: prefix,
        DATA_DIR: dataDir,
        // The polling below (GET every 100–250 ms per article) would pass the default 600/min.
        RATE_LIMIT_PER_MINUTE: '1000000',
      },
      /Tidings API listening on (http:\/\/[^\s"]+)/,
      300_000,
    );
    children.push(api.child);
    const url = api.match[1] ?? '';
    const admin = new Api(url, readFileSync(join(dataDir, 'admin-key'), 'utf8').trim());
    const { token } = await admin.request<{ token: string }>('POST', '/v1/keys', {
      name: 'bench',
      role: 'publisher',
    });
    const client = new Api(url, token);
    progress(`  publish: API at ${url}; starting a worker (five Opus-sized models)…`);
    const one = await startWorker(options.threads);
    const seed = seedHtml(SEED);
    const article = (n: number) => ({ ...seed, title: `${seed.title} (${n})` });
    const content = (n: number): ArticleContent => ({
      ...article(n),
      summary: '',
      categories: [],
    });
    translator = await Translator.create({
      modelsDir,
      dtype: 'fp32',
      ortThreads: options.threads,
      cacheSize: TARGETS.length,
      gates: false,
      newTokens: options.newTokens,
    });
    // CPU each process spent per run (Linux /proc; the clock ticks are 10 ms): what the
    // worker's engine used against the translator alone, and what the API and the worker's main
    // process took from the same two cores meanwhile.
    const cpu = {
      engine: [] as number[],
      api: [] as number[],
      worker: [] as number[],
      alone: [] as number[],
    };
    const alone = async (n: number) => {
      const began = performance.now();
      const before = process.cpuUsage();
      await translator?.translateArticle(content(n), 'en', TARGETS);
      const used = process.cpuUsage(before);
      cpu.alone.push((used.user + used.system) / 1000);
      return performance.now() - began;
    };
    // Where the time goes, from the store's times (worker clocks for the translation, the
    // API's for publication; one machine): POST → the first job started (the API's write, the
    // dispatch, BullMQ's hand-over), the worker's span translating, and the last language's
    // finished result → its publication (the result message, the results consumer, the store).
    const legs = { queue: [] as number[], translating: [] as number[], result: [] as number[] };
    // The engine is the worker's child; its children are listed at each reading and summed, so
    // a pid read before the engine was (re)started cannot stand in for it.
    const used = {
      engine: () => childPids(one.child.pid).reduce((sum, pid) => sum + cpuMs(pid), 0),
      api: () => cpuMs(api.child.pid),
      worker: () => cpuMs(one.child.pid),
    };
    const MEASURED = ['engine', 'api', 'worker'] as const;
    const throughApi = async (n: number) => {
      const before = MEASURED.map((name) => used[name]());
      const { id, at } = await client.post(article(n));
      const times = (await client.published([id], 300_000)).get(id) ?? [];
      const last = times.reduce((a, b) => (b.publishedAt > a.publishedAt ? b : a));
      const started = Math.min(...times.map((t) => t.startedAt));
      legs.queue.push(started - at);
      legs.translating.push(Math.max(...times.map((t) => t.finishedAt)) - started);
      legs.result.push(last.publishedAt - last.finishedAt);
      MEASURED.forEach((name, k) => {
        cpu[name].push(used[name]() - (before[k] ?? 0));
      });
      return last.publishedAt - at;
    };
    progress('  publish: worker ready; loading the translator alone and one warm-up article each…');
    // Warm both (the worker has its models preloaded; this loads the translator's and JITs).
    await alone(0);
    await throughApi(0);
    for (const leg of [...Object.values(legs), ...Object.values(cpu)]) leg.length = 0;
    const pipeline: number[] = [];
    const direct: number[] = [];
    for (let r = 1; r <= options.runs; r++) {
      pipeline.push(await throughApi(r));
      direct.push(await alone(r));
      progress(
        `  publish: run ${r}/${options.runs}: POST → last published ${(pipeline.at(-1) ?? 0).toFixed(0)} ms (first job started after ${legs.queue.at(-1)} ms, worker translating ${legs.translating.at(-1)} ms, last result → published ${legs.result.at(-1)} ms), translator alone ${(direct.at(-1) ?? 0).toFixed(0)} ms`,
      );
    }
    await translator.close();
    translator = undefined;
    const ratio = median(pipeline.map((p, i) => p / (direct[i] ?? Number.NaN)));
    const rows: BenchRow[] = [
      {
        section,
        name: 'POST → last of five languages published',
        value: median(pipeline) / 1000,
        unit: 's',
        note: `seed article, real API + BullMQ + 1 worker (ORT_THREADS=${options.threads}) + PGlite; ${options.newTokens} new tokens/segment`,
      },
      {
        section,
        name: 'translator alone, same article, five targets',
        value: median(direct) / 1000,
        unit: 's',
        note: 'in process, same model files, gates set aside as in the worker',
      },
      {
        section,
        name: 'of which POST → first job started',
        value: median(legs.queue) / 1000,
        unit: 's',
        note: "the API's write and dispatch, BullMQ's hand-over to the worker",
      },
      {
        section,
        name: 'of which worker translating (first start → last finish)',
        value: median(legs.translating) / 1000,
        unit: 's',
        note: 'the five jobs, one per language, in the worker and its engine',
      },
      {
        section,
        name: 'of which last result → published',
        value: median(legs.result) / 1000,
        unit: 's',
        note: 'result message, results consumer, store',
      },
      {
        section,
        name: 'CPU per article: worker engine / translator alone',
        value: median(cpu.engine) / median(cpu.alone),
        unit: 'ratio',
        note: `engine ${(median(cpu.engine) / 1000).toFixed(2)} s, alone ${(median(cpu.alone) / 1000).toFixed(2)} s of CPU (/proc, medians)`,
      },
      {
        section,
        name: 'CPU per article beside the engine: API, worker main',
        value: (median(cpu.api) + median(cpu.worker)) / 1000,
        unit: 's',
        note: `API ${(median(cpu.api) / 1000).toFixed(2)} s (POST, results, the bench's reads), worker main ${(median(cpu.worker) / 1000).toFixed(2)} s; on the engine's cores`,
      },
      ratioRow(
        section,
        'POST → last published / translator alone',
        ratio,
        { op: '<=', value: 1.15 },
        `median of ${options.runs} interleaved runs`,
      ),
    ];

    // The burst: two workers of one thread each (one per core), every article at once.
    await stop(one.child);
    const burst = options.burst ?? 20;
    progress(`  publish: burst of ${burst} articles; starting two workers (ORT_THREADS=1)…`);
    await Promise.all([startWorker(1), startWorker(1)]);
    progress(`  publish: two workers ready; posting ${burst} articles at once…`);
    // A third of the seed's length: 20 seed-length articles took 595 s under load (the bulk of
    // an 18-minute section); ~120 words keeps the burst to a minute or two on 2 idle cores.
    const words = 120;
    const began = Date.now();
    // Distinct sentences in every article (recombinations of the seed corpus), so that the
    // engine's batching across jobs cannot share any of them.
    const posted = await Promise.all(
      Array.from({ length: burst }, (_, i) => client.post(articleOfWords(words, 1 + i * 60))),
    );
    const published = await client.published(
      posted.map((p) => p.id),
      900_000,
      POLL_MS,
      (done) => progress(`  publish: ${done}/${burst} articles published in all five languages`),
    );
    const latencies = posted.flatMap(({ id, at }) =>
      (published.get(id) ?? []).map((t) => t.publishedAt - at),
    );
    const makespan = Math.max(...[...published.values()].flat().map((t) => t.publishedAt)) - began;
    progress(
      `  publish: burst done in ${(makespan / 1000).toFixed(1)} s; p50 ${(percentile(latencies, 50) / 1000).toFixed(1)} s, p99 ${(percentile(latencies, 99) / 1000).toFixed(1)} s`,
    );
    const note = `${burst} articles of ~${words} words posted at once, 2 workers × 1 thread; ${latencies.length} publications`;
    rows.push(
      {
        section,
        name: `burst of ${burst}: POST → each language published, p50`,
        value: percentile(latencies, 50) / 1000,
        unit: 's',
        note,
      },
      {
        section,
        name: `burst of ${burst}: POST → each language published, p99`,
        value: percentile(latencies, 99) / 1000,
        unit: 's',
        note,
      },
      {
        section,
        name: `burst of ${burst}: first POST → last publication`,
        value: makespan / 1000,
        unit: 's',
        note,
      },
    );
    progress(`  publish: ratio ${ratio.toFixed(2)} (target ≤ 1.15)`);
    return rows;
  } finally {
    await translator?.close().catch(() => undefined);
    // Workers first (they finish their jobs in hand), then the API.
    for (const child of children.reverse()) await stop(child);
    const redis = new Redis(options.redisUrl);
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(modelsDir, { recursive: true, force: true });
  }
}
