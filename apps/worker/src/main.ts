import { fileURLToPath } from 'node:url';
import { createLogger, onShutdown } from '@tidings/core';
import {
  createRedisConnection,
  type TRANSLATE_JOB,
  TRANSLATE_QUEUE,
  type TranslateJobData,
} from '@tidings/queue';
import { Worker } from 'bullmq';
import { loadConfig } from './config.ts';
import { PARENT_PID_VARIABLE } from './orphan-guard.ts';

const config = loadConfig();
const logger = createLogger(config, 'worker');

// Workers wait for Redis to come back rather than fail (maxRetriesPerRequest: null).
const connection = createRedisConnection(config.redisUrl, 'worker');
connection.on('error', (error) => logger.warn({ err: error }, 'redis connection error'));

// The sandboxes inherit this, and die as soon as their parent is no longer this process.
process.env[PARENT_PID_VARIABLE] = String(process.pid);

// Translation runs in a sandboxed child process (BullMQ's): ONNX Runtime's sessions run on
// the calling thread and would otherwise block the event loop that renews the job's lock.
const worker = new Worker<TranslateJobData, void, typeof TRANSLATE_JOB>(
  TRANSLATE_QUEUE,
  fileURLToPath(new URL('./sandboxed-translate.ts', import.meta.url)),
  {
    connection,
    prefix: config.queuePrefix,
    concurrency: config.workerConcurrency,
    lockDuration: config.workerLockDurationMs,
    // A job whose worker died is taken back after one lock period, not two.
    stalledInterval: config.workerLockDurationMs,
  },
);
worker.on('error', (error) => logger.warn({ err: error }, 'worker error'));
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
  // close() lets the jobs in hand finish before it resolves, then stops the sandboxes.
  await worker.close();
  await connection.quit();
});
