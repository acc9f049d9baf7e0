export {
  type ConnectionRole,
  createRedisConnection,
  logConnectionErrors,
  type QueuePlace,
  WORKER_SOCKET_TIMEOUT_MS,
  whenReady,
} from './connection.ts';
export {
  type PublishedGlossary,
  publishedGlossaryVersion,
  publishGlossary,
  readPublishedGlossary,
} from './glossary-channel.ts';
export { inspectRedisSettings, type RedisSettingsReport } from './redis-settings.ts';
export {
  addResult,
  RESULT_JOB_OPTIONS,
  RESULTS_QUEUE,
  type ResultJobName,
  type ResultMessage,
  type ResultsQueue,
  type ResultsQueueJob,
  type ResultsWorker,
  resultJobId,
  resultMessageSchema,
  resultsQueue,
  resultsWorker,
  type TranslationResultData,
  type TranslationStartedData,
} from './result-message.ts';
export {
  STALLED_TOO_OFTEN,
  stalledTooOftenFailure,
  stalledTooOftenReason,
  TRANSLATE_JOB,
  TRANSLATE_JOB_OPTIONS,
  TRANSLATE_MAX_STALLED_COUNT,
  TRANSLATE_QUEUE,
  type TranslateJobData,
  type TranslateQueue,
  type TranslateQueueJob,
  type TranslateWorker,
  translateJobDataSchema,
  translateJobId,
  translateQueue,
  translateWorker,
} from './translate-job.ts';
export {
  FORGET_SILENT_WORKERS_AFTER_MS,
  type HeldJob,
  type WorkerAnnouncement,
  WorkerRegistry,
  type WorkerStatus,
} from './worker-registry.ts';
export { type WorkerTimings, workerTimings } from './worker-timings.ts';
