import { createLogger } from '@tidings/core';
import {
  createRedisConnection,
  RESULTS_QUEUE,
  type ResultJobName,
  type ResultMessage,
} from '@tidings/queue';
import { Translator } from '@tidings/translator';
import { Queue } from 'bullmq';
import { loadConfig } from './config.ts';
import { dieWithParent } from './orphan-guard.ts';
import { type TranslateJob, translateProcessor } from './translate-processor.ts';

/**
 * Builds, once per sandbox process, what the processor needs: ONNX Runtime runs a session on
 * the calling thread, so translation lives here, in a process of its own, while the worker's
 * event loop stays free to renew its job locks.
 */
async function setUp() {
  const config = loadConfig();
  const logger = createLogger(config, 'worker');
  const connection = createRedisConnection(config.redisUrl, 'worker');
  connection.on('error', (error) => logger.warn({ err: error }, 'redis connection error'));
  const loads: { model: string; ms: number }[] = [];
  const translator = await Translator.create({
    onLoad: (model, ms) => loads.push({ model, ms: Math.round(ms) }),
    modelsDir: config.modelsDir,
    modelMap: config.modelMap,
    glossary: config.glossary,
    allowRemoteModels: config.allowRemoteModels,
    cacheSize: config.modelCacheSize,
    ortThreads: config.ortThreads || undefined,
    dtype: config.modelDtype,
    batchTokens: config.translateBatchTokens,
    redis: connection,
    memory: {
      prefix: `${config.queuePrefix}:tm:`,
      ttlSeconds: config.translationMemoryTtlDays * 24 * 3600,
    },
  });
  const results = new Queue<ResultMessage, void, ResultJobName>(RESULTS_QUEUE, {
    connection,
    prefix: config.queuePrefix,
  });
  results.on('error', (error) => logger.warn({ err: error }, 'results queue error'));
  return translateProcessor(translator, results, logger, () => loads.splice(0));
}

let processor: ReturnType<typeof setUp> | undefined;

// BullMQ's sandbox would outlive a worker killed with SIGKILL. The job in hand is lost with it
// and retried elsewhere once its lock expires.
dieWithParent();

/**
 * The sandboxed processor of translate jobs, run by BullMQ in a child process.
 *
 * @example
 * new Worker(TRANSLATE_QUEUE, new URL('./sandboxed-translate.ts', import.meta.url), opts);
 */
export default async function translate(job: TranslateJob): Promise<void> {
  processor ??= setUp();
  await (await processor)(job);
}
