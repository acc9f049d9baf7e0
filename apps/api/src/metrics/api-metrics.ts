import type { TranslationResultData, WorkerRegistry } from '@tidings/queue';
import type { Store } from '@tidings/store';
import type { Queue } from 'bullmq';
import { createMiddleware } from 'hono/factory';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** What the metrics read at scrape time. */
export interface MetricsSources {
  readonly store: Pick<Store, 'countTranslationsByStatus'>;
  /** Queues whose jobs are counted by state. */
  readonly queues: readonly Pick<Queue, 'name' | 'getJobCounts'>[];
  /** The worker registry: workers by state, and each one's last heartbeat. */
  readonly workers?: Pick<WorkerRegistry, 'list'> | undefined;
  /** How long a scrape waits for Redis (queue depth, workers) before it reports without it. */
  readonly redisTimeoutMs?: number | undefined;
}

/** What `read` gives, or `fallback` when it fails or gives nothing within `ms`. */
function within<T>(read: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    timer.unref();
    read.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

/**
 * Tidings' Prometheus metrics: HTTP latency by route, translations by language and state,
 * queue depth, translation latency per language pair, segments by origin (memory or model), model load time,
 * workers alive and silent and the age of each one's last heartbeat.
 * Counts are read from the store and the queues at scrape time, so every API instance reports
 * the same totals; latencies are observed where they happen.
 *
 * @example
 * const metrics = new ApiMetrics({ store, queues: [queue] });
 * app.use(metrics.middleware());
 * app.get('/metrics', async (c) => c.text(await metrics.render()));
 */
export class ApiMetrics {
  readonly registry = new Registry();
  readonly #http: Histogram<'method' | 'route' | 'status'>;
  readonly #translation: Histogram<'source' | 'target' | 'outcome'>;
  readonly #segments: Counter<'origin'>;
  readonly #modelLoad: Histogram<'model'>;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    // As /readyz waits: a Redis that does not answer must not hold the whole scrape.
    const redisMs = sources.redisTimeoutMs ?? 2_000;
    collectDefaultMetrics({ register: this.registry, prefix: 'tidings_api_' });
    this.#http = new Histogram({
      name: 'tidings_http_request_duration_seconds',
      help: 'HTTP request latency by route',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.#translation = new Histogram({
      name: 'tidings_translation_duration_seconds',
      help: 'Time from a worker taking a translation job to its result, per language pair',
      labelNames: ['source', 'target', 'outcome'],
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
      registers,
    });
    this.#segments = new Counter({
      name: 'tidings_segments_total',
      help: "Distinct segment translations, by who answered: the translation memory (machine entries), an editor's wording in it (human-memory) or a model",
      labelNames: ['origin'],
      registers,
    });
    this.#modelLoad = new Histogram({
      name: 'tidings_model_load_seconds',
      help: 'Time a worker took to load a model, by model',
      labelNames: ['model'],
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    });
    new Gauge({
      name: 'tidings_translations',
      help: 'Language versions of live articles, by language and status',
      labelNames: ['language', 'status'],
      registers,
      async collect() {
        this.reset();
        for (const row of await sources.store.countTranslationsByStatus()) {
          this.set({ language: row.language, status: row.status }, row.count);
        }
      },
    });
    new Gauge({
      name: 'tidings_queue_jobs',
      help: 'Jobs in each queue, by state',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        this.reset();
        for (const queue of sources.queues) {
          // While Redis does not answer the depth is unknown: no sample rather than no scrape.
          const counts = await within(
            queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed'),
            redisMs,
            {},
          );
          for (const [state, n] of Object.entries(counts))
            this.set({ queue: queue.name, state }, n);
        }
      },
    });
    if (sources.workers) this.#workerGauges(sources.workers, registers, redisMs);
  }

  #workerGauges(
    registry: Pick<WorkerRegistry, 'list'>,
    registers: Registry[],
    redisMs: number,
  ): void {
    // Both gauges are read from one listing per scrape. While Redis does not answer no worker
    // can be seen: they read none, rather than failing the whole scrape.
    let listing: ReturnType<WorkerRegistry['list']> | undefined;
    const list = () => {
      listing ??= within(registry.list(), redisMs, []).finally(() => {
        setImmediate(() => {
          listing = undefined;
        });
      });
      return listing;
    };
    new Gauge({
      name: 'tidings_workers',
      help: 'Workers heard from in the last hour, by state: alive, or silent (missed 3 heartbeats)',
      labelNames: ['state'],
      registers,
      async collect() {
        this.reset();
        const workers = await list();
        const alive = workers.filter((w) => w.state === 'alive').length;
        this.set({ state: 'alive' }, alive);
        this.set({ state: 'silent' }, workers.length - alive);
      },
    });
    new Gauge({
      name: 'tidings_worker_last_heartbeat_age_seconds',
      help: 'Time since each worker last announced itself, by Redis clock',
      labelNames: ['worker', 'host', 'state'],
      registers,
      async collect() {
        this.reset();
        for (const w of await list()) {
          this.set({ worker: w.id, host: w.host, state: w.state }, w.lastSeenAgoMs / 1000);
        }
      },
    });
  }

  /** Times every request, labelled by its route pattern (never the raw path). */
  middleware() {
    return createMiddleware(async (c, next) => {
      const end = this.#http.startTimer({ method: c.req.method });
      try {
        await next();
      } finally {
        end({ route: c.req.routePath, status: String(c.res.status) });
      }
    });
  }

  /** Records a worker's finished translation, as the results consumer persists it. */
  observeResult(result: TranslationResultData): void {
    const seconds = (Date.parse(result.finishedAt) - Date.parse(result.startedAt)) / 1000;
    if (Number.isFinite(seconds) && seconds >= 0) {
      this.#translation.observe(
        { source: result.source ?? 'unknown', target: result.language, outcome: result.outcome },
        seconds,
      );
    }
    if (result.outcome === 'failed') return;
    this.#segments.inc({ origin: 'memory' }, result.memoryHits ?? 0);
    this.#segments.inc({ origin: 'model' }, result.modelCalls ?? 0);
    this.#segments.inc({ origin: 'human-memory' }, result.segmentOrigins?.origins.humanMemory ?? 0);
    for (const load of result.modelLoads ?? []) {
      this.#modelLoad.observe({ model: load.model }, load.ms / 1000);
    }
  }

  /** The Prometheus text exposition. */
  render(): Promise<string> {
    return this.registry.metrics();
  }
}
