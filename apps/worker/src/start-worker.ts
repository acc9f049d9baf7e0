import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { type Config, createLogger, onShutdown } from '@tidings/core';
import {
  createRedisConnection,
  logConnectionErrors,
  resultsQueue,
  STALLED_TOO_OFTEN,
  translateWorker,
  WorkerRegistry,
  workerTimings,
} from '@tidings/queue';
import { cutOffPolicy } from './cut-off-policy.ts';
import { EngineClient } from './engine-client.ts';
import { type BenchmarkOptions, engineArgs } from './engine-protocol.ts';
import { HeldJobs } from './held-jobs.ts';
import { PARENT_PID_VARIABLE } from './orphan-guard.ts';
import { reportStalledTooOften, translateProcessor } from './translate-processor.ts';
import { WorkerPresence } from './worker-presence.ts';

/**
 * Starts a worker on `config`: its translation engine (a child process), the BullMQ worker
 * that takes translate jobs once the engine has its models, the results it sends, its
 * heartbeat, and a graceful stop on SIGTERM/SIGINT. `main.ts` calls it with the configuration
 * from the environment alone; `benchmark` (benchmarks only, see `BenchmarkOptions`) is for a
 * program that starts the real worker itself, such as the bench's publish section.
 *
 * @example
 * startWorker(loadConfig());
 */
export function startWorker(config: Config, benchmark: BenchmarkOptions = {}): void {
  const logger = createLogger(config, 'worker');
  const timings = workerTimings(config.workerLockDurationMs);
  const { version } = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  // Also the BullMQ worker's name, which BullMQ records on every job it takes.
  const id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const startedAt = new Date().toISOString();

  // Workers wait for Redis to come back rather than fail (maxRetriesPerRequest: null).
  const connection = createRedisConnection(config.redisUrl, 'worker');
  logConnectionErrors(connection, logger, 'redis (jobs)');

  // The engine inherits this, and dies as soon as its parent is no longer this process.
  process.env[PARENT_PID_VARIABLE] = String(process.pid);

  // Translation runs in the engine, a child process: ONNX Runtime's sessions run on the calling
  // thread and would otherwise block the event loop that renews the jobs' locks. Every job in
  // hand goes to the one engine, where they share batches and models.
  const engine = new EngineClient(
    new URL('./translation-engine.ts', import.meta.url),
    logger,
    engineArgs(benchmark),
  );
  engine.start();
  const resultsConnection = createRedisConnection(config.redisUrl, 'worker');
  logConnectionErrors(resultsConnection, logger, 'redis (results)');
  const results = resultsQueue({ connection: resultsConnection, prefix: config.queuePrefix });
  logConnectionErrors(results, logger, 'results queue');

  const held = new HeldJobs();
  const worker = translateWorker(
    { connection, prefix: config.queuePrefix },
    held.holding(
      translateProcessor(
        engine,
        results,
        logger,
        () => engine.takeModelLoads(),
        config.publishPolicy,
      ),
    ),
    {
      name: id,
      concurrency: config.workerConcurrency,
      // See workerTimings: a silent worker's jobs are back in the queue within 1¼ lock periods.
      lockDuration: timings.lockDurationMs,
      lockRenewTime: timings.lockRenewMs,
      stalledInterval: timings.stalledIntervalMs,
      // Run once the engine has preloaded its models (PRELOAD_MODELS), below.
      autorun: false,
    },
  );
  logConnectionErrors(worker, logger, 'translate worker', {
    // Said once per job, with what it means, by the lockRenewalFailed handler below.
    ignore: (error) => error.message.startsWith('could not renew lock'),
  });
  worker.on('stalled', (jobId) => logger.warn({ jobId }, 'job stalled: its lock expired'));
  worker.on('failed', (job, error) => {
    logger.warn({ jobId: job?.id, err: error, attemptsMade: job?.attemptsMade }, 'job failed');
    if (job && error.message === STALLED_TOO_OFTEN) {
      reportStalledTooOften(results, job.data).catch((e: unknown) =>
        logger.warn({ err: e, jobId: job.id }, 'could not report a job that stalled too often'),
      );
    }
  });
  worker.on('locksRenewed', ({ jobIds }) => held.renewed(jobIds));
  // Redis refused a renewal: the lock ran out (this worker was cut off, or too slow) and the job
  // may be another worker's already. Translating on would be for nothing.
  worker.on('lockRenewalFailed', (jobIds) => {
    for (const jobId of jobIds.filter((j) => held.has(j))) {
      logger.warn(
        { jobId },
        'lost the lock of a job: giving it up to the worker that takes it over',
      );
      worker.cancelJob(jobId, 'Redis refused to renew its lock');
    }
  });
  let stopping = false;
  const connected = new Promise<void>((resolve) => worker.once('ready', () => resolve()));
  // Jobs are taken once Redis answers and the engine has its models, not before: the first
  // article after a start would otherwise wait for loading while holding its lock.
  void Promise.all([connected, engine.ready]).then(() => {
    if (stopping) return;
    worker
      .run()
      .catch((error: unknown) => logger.error({ err: error }, 'translate worker stopped'));
    if (config.models === 'demo') {
      logger.warn(
        { modelsDir: config.modelsDir },
        "demo mode (MODELS=demo): translating with the repository's dictionary models; every translation is marked as a demo one",
      );
    }
    logger.info(
      {
        id,
        redis: config.redisUrl,
        modelsDir: config.modelsDir,
        concurrency: config.workerConcurrency,
        ortThreads: config.ortThreads || 'default',
      },
      'worker ready',
    );
  });

  // Its own connection, which never waits longer than a heartbeat: BullMQ's wait for Redis as
  // long as it takes, so they cannot tell a worker that its link is gone.
  const presenceConnection = createRedisConnection(config.redisUrl, 'producer', {
    commandTimeout: timings.heartbeatMs,
    socketTimeout: timings.heartbeatMs,
  });
  // The heartbeat says once that the link is lost and once that it is back.
  presenceConnection.on('error', (error) => logger.debug({ err: error }, 'heartbeat connection'));
  const presence = new WorkerPresence({
    registry: new WorkerRegistry(presenceConnection, config.queuePrefix),
    heartbeatMs: timings.heartbeatMs,
    logger,
    announcement: () => ({
      id,
      host: hostname(),
      pid: process.pid,
      version,
      startedAt,
      concurrency: config.workerConcurrency,
      lockDurationMs: timings.lockDurationMs,
      heartbeatMs: timings.heartbeatMs,
      silentAfterMs: timings.silentAfterMs,
      models: [...engine.models],
      jobs: held.list(),
    }),
    ...cutOffPolicy(worker, held, timings.lockDurationMs),
  });
  presence.start();

  onShutdown(logger, config.shutdownTimeoutMs, async () => {
    stopping = true;
    // close() lets the jobs in hand finish before it resolves; then the engine can stop.
    await worker.close();
    await presence.stop();
    await engine.close();
    await results.close();
    await resultsConnection.quit();
    await connection.quit();
    presenceConnection.disconnect();
  });
}
