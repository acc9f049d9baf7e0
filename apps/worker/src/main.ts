import { createLogger, onShutdown } from '@tidings/core';
import {
  createRedisConnection,
  logConnectionErrors,
  RESULTS_QUEUE,
  type ResultJobName,
  type ResultMessage,
  type TRANSLATE_JOB,
  TRANSLATE_QUEUE,
  type TranslateJobData,
} from '@tidings/queue';
import { Queue, Worker } from 'bullmq';
import { loadConfig } from './config.ts';
import { EngineClient } from './engine-client.ts';
import { PARENT_PID_VARIABLE } from './orphan-guard.ts';
import { translateProcessor } from './translate-processor.ts';

const config = loadConfig();
const logger = createLogger(config, 'worker');

// Workers wait for Redis to come back rather than fail (maxRetriesPerRequest: null).
const connection = createRedisConnection(config.redisUrl, 'worker');
logConnectionErrors(connection, logger, 'redis (jobs)');

// The engine inherits this, and dies as soon as its parent is no longer this process.
process.env[PARENT_PID_VARIABLE] = String(process.pid);

// Translation runs in the engine, a child process: ONNX Runtime's sessions run on the calling
// thread and would otherwise block the event loop that renews the jobs' locks. Every job in
// hand goes to the one engine, where they share batches and models.
const engine = new EngineClient(new URL('./translation-engine.ts', import.meta.url), logger);
engine.start();
const resultsConnection = createRedisConnection(config.redisUrl, 'worker');
logConnectionErrors(resultsConnection, logger, 'redis (results)');
const results = new Queue<ResultMessage, void, ResultJobName>(RESULTS_QUEUE, {
  connection: resultsConnection,
  prefix: config.queuePrefix,
});
logConnectionErrors(results, logger, 'results queue');

const worker = new Worker<TranslateJobData, void, typeof TRANSLATE_JOB>(
  TRANSLATE_QUEUE,
  translateProcessor(engine, results, logger, () => engine.takeModelLoads()),
  {
    connection,
    prefix: config.queuePrefix,
    concurrency: config.workerConcurrency,
    lockDuration: config.workerLockDurationMs,
    // A job whose worker died is taken back after one lock period, not two.
    stalledInterval: config.workerLockDurationMs,
  },
);
logConnectionErrors(worker, logger, 'translate worker');
worker.on('stalled', (jobId) => logger.warn({ jobId }, 'job stalled: its lock expired'));
worker.on('failed', (job, error) =>
  logger.warn({ jobId: job?.id, err: error, attemptsMade: job?.attemptsMade }, 'job failed'),
);
worker.once('ready', () =>
  logger.info(
    {
      redis: config.redisUrl,
      modelsDir: config.modelsDir,
      concurrency: config.workerConcurrency,
      ortThreads: config.ortThreads || 'default',
    },
    'worker ready',
  ),
);

onShutdown(logger, config.shutdownTimeoutMs, async () => {
  // close() lets the jobs in hand finish before it resolves; then the engine can stop.
  await worker.close();
  await engine.close();
  await results.close();
  await resultsConnection.quit();
  await connection.quit();
});
