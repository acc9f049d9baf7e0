export {
  type ConnectionRole,
  createRedisConnection,
  WORKER_SOCKET_TIMEOUT_MS,
  whenReady,
} from './connection.ts';
export {
  type PublishedGlossary,
  publishedGlossaryVersion,
  publishGlossary,
  readPublishedGlossary,
} from './glossary-channel.ts';
export { logConnectionErrors } from './log-connection-errors.ts';
export {
  addResult,
  type QueuePlace,
  type ResultsQueue,
  type ResultsQueueJob,
  type ResultsWorker,
  resultsQueue,
  resultsWorker,
  type TranslateQueue,
  type TranslateQueueJob,
  type TranslateWorker,
  translateQueue,
  translateWorker,
} from './queues.ts';
export { inspectRedisSettings, type RedisSettingsReport } from './redis-settings.ts';
export {
  RESULT_JOB_OPTIONS,
  RESULTS_QUEUE,
  type ResultJobName,
  type ResultMessage,
  resultJobId,
  resultMessageSchema,
  type TranslationResultData,
  type TranslationStartedData,
} from './result-message.ts';
export {
  STALLED_TOO_OFTEN,
  TRANSLATE_JOB,
  TRANSLATE_JOB_OPTIONS,
  TRANSLATE_MAX_STALLED_COUNT,
  TRANSLATE_QUEUE,
  type TranslateJobData,
  translateJobDataSchema,
  translateJobId,
} from './translate-job.ts';
export {
  FORGET_SILENT_WORKERS_AFTER_MS,
  type HeldJob,
  type WorkerAnnouncement,
  WorkerRegistry,
  type WorkerStatus,
} from './worker-registry.ts';
export { type WorkerTimings, workerTimings } from './worker-timings.ts';
