export { type ConnectionRole, createRedisConnection, whenReady } from './connection.ts';
export {
  RESULT_JOB_OPTIONS,
  RESULTS_QUEUE,
  type ResultJobName,
  type ResultMessage,
  resultJobId,
  TRANSLATE_JOB,
  TRANSLATE_JOB_OPTIONS,
  TRANSLATE_QUEUE,
  type TranslateJobData,
  type TranslationResultData,
  type TranslationStartedData,
  translateJobDataSchema,
  translateJobId,
} from './jobs.ts';
export { logConnectionErrors } from './log-connection-errors.ts';
export { inspectRedisSettings, type RedisSettingsReport } from './redis-settings.ts';
