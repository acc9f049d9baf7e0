import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTestModels } from '@tidings/test-models';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArticleView } from './harness/article-client.ts';
import { freePort } from './harness/free-port.ts';
import { descendants, launch } from './harness/launch.ts';
import { newsArticle } from './harness/newsroom.ts';
import { parsePrometheus } from './harness/prometheus.ts';
import { eventually } from './harness/service.ts';

// `npm test` posts a short burst run; `npm run soak` posts 1,000 articles.
const ARTICLES = Number(process.env.TIDINGS_LOAD_ARTICLES ?? 60);
const BURST = Number(process.env.TIDINGS_LOAD_BURST ?? 20);
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Resident memory of a process tree, in MiB, by process. */
function residentMiB(root: number): Map<number, { mib: number; command: string }> {
  const pids = [root, ...descendants(root)];
  const out = new Map<number, { mib: number; command: string }>();
  try {
    const table = execFileSync('ps', ['-o', 'pid=,rss=,args=', '-p', pids.join(',')], {
      encoding: 'utf8',
    });
    for (const line of table.trim().split('\n')) {
      const [pid, rss, ...args] = line.trim().split(/\s+/);
      out.set(Number(pid), { mib: Number(rss) / 1024, command: args.join(' ') });
    }
  } catch {
    // The tree changed under ps: this sample is skipped.
  }
  return out;
}

const kind = (command: string) =>
  /redis-server/.test(command)
    ? 'redis'
    : /api\/src\/main/.test(command)
      ? 'api'
      : /worker\/src\/main/.test(command)
        ? 'worker'
        : /start\.mjs/.test(command)
          ? 'supervisor'
          : 'engine';

describe('npm start under a burst load, two workers', () => {
  it(`publishes ${ARTICLES} articles posted in bursts of ${BURST}, loses none, drains the queue`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tidings-load-'));
    dirs.push(dataDir);
    const models = await ensureTestModels({ kinds: ['dictionary'] });
    const [port, privatePort, deadPort] = [await freePort(), await freePort(), await freePort()];
    const app = launch(['scripts/start.mjs'], {
      PORT: String(port),
      DATA_DIR: dataDir,
      // As on a fresh machine: no Redis answers, so npm start runs its own.
      REDIS_URL: `redis://127.0.0.1:${deadPort}`,
      REDIS_PRIVATE_PORT: String(privatePort),
      WORKERS: '2',
      MODELS_DIR: models.dictionaryModelsDir,
      // The newsroom's importer posts far faster than a person: its key's budget says so.
      RATE_LIMIT_PER_MINUTE: '100000',
      LOG_LEVEL: 'warn',
    });
    const peak = { total: 0, byKind: {} as Record<string, number> };
    const sampler = setInterval(() => {
      const sample = residentMiB(app.child.pid ?? 0);
      const byKind: Record<string, number> = {};
      let total = 0;
      for (const { mib, command } of sample.values()) {
        total += mib;
        const k = kind(command);
        byKind[k] = Math.max(byKind[k] ?? 0, mib);
      }
      peak.total = Math.max(peak.total, total);
      for (const [k, mib] of Object.entries(byKind))
        peak.byKind[k] = Math.max(peak.byKind[k] ?? 0, mib);
    }, 500);
    try {
      await app.waitFor(/Tidings is up/, 120_000);
      const base = `http://127.0.0.1:${port}`;
      const admin = readFileSync(join(dataDir, 'admin-key'), 'utf8').trim();
      const keyRes = await fetch(`${base}/v1/keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'importer', role: 'publisher' }),
      });
      const { token } = (await keyRes.json()) as { token: string };

      const started = performance.now();
      const ids = new Set<string>();
      for (let from = 0; from < ARTICLES; from += BURST) {
        const burst = Array.from({ length: Math.min(BURST, ARTICLES - from) }, (_, i) =>
          fetch(`${base}/v1/articles`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify(newsArticle(from + i)),
          }).then(async (res) => {
            expect(res.status).toBe(201);
            ids.add(((await res.json()) as ArticleView).id);
          }),
        );
        await Promise.all(burst);
        await new Promise((r) => setTimeout(r, 250));
      }
      const postedMs = performance.now() - started;
      expect(ids.size).toBe(ARTICLES);

      const metric = async () => parsePrometheus(await (await fetch(`${base}/metrics`)).text());
      const sum = (
        metrics: Awaited<ReturnType<typeof metric>>,
        name: string,
        labels: Record<string, string>,
      ) =>
        metrics
          .filter(
            (m) => m.name === name && Object.entries(labels).every(([k, v]) => m.labels[k] === v),
          )
          .reduce((total, m) => total + m.value, 0);
      let lastReport = 0;
      const final = await eventually(
        async () => {
          const metrics = await metric();
          const published = sum(metrics, 'tidings_translations', { status: 'published' });
          if (performance.now() - lastReport > 10_000) {
            lastReport = performance.now();
            process.stdout.write(`load: ${published} of ${ARTICLES * 6} versions published\n`);
          }
          return published === ARTICLES * 6 ? metrics : undefined;
        },
        Math.max(300_000, ARTICLES * 2_000),
        `all ${ARTICLES} articles to be published in six languages`,
      );
      const doneMs = performance.now() - started;
      // Nothing else waits: no version in another state, and the translate queue is empty.
      for (const status of ['queued', 'translating', 'failed', 'needs_review']) {
        expect(sum(final, 'tidings_translations', { status }), status).toBe(0);
      }
      // A worker completes its job just after handing the result over: the queue drains a
      // moment after the last version is published.
      const drained = await eventually(
        async () => {
          const metrics = await metric();
          const left = ['waiting', 'active', 'delayed'].map((state) =>
            sum(metrics, 'tidings_queue_jobs', { state }),
          );
          return left.every((n) => n === 0) ? metrics : undefined;
        },
        30_000,
        'the translate queue to drain',
      );
      expect(sum(drained, 'tidings_queue_jobs', { state: 'failed' })).toBe(0);
      process.stdout.write(
        `load: ${ARTICLES} articles posted in ${(postedMs / 1000).toFixed(1)} s, all published in six languages after ${(doneMs / 1000).toFixed(1)} s; peak resident memory ${Math.round(peak.total)} MiB in all (${Object.entries(
          peak.byKind,
        )
          .map(([k, mib]) => `${k} ${Math.round(mib)}`)
          .join(', ')} MiB at most per process)\n`,
      );
      app.child.kill('SIGINT');
      expect((await app.exited()).code).toBe(0);
    } finally {
      clearInterval(sampler);
      if (app.child.exitCode === null) app.child.kill('SIGKILL');
    }
  }, 3_600_000);
});
