import {
  type ConnectionOptions,
  type Job,
  Queue,
  type QueueOptions,
  Worker,
  type WorkerOptions,
} from 'bullmq';
import {
  RESULT_JOB_OPTIONS,
  RESULTS_QUEUE,
  type ResultJobName,
  type ResultMessage,
  resultJobId,
} from './result-message.ts';
import {
  type TRANSLATE_JOB,
  TRANSLATE_JOB_OPTIONS,
  TRANSLATE_MAX_STALLED_COUNT,
  TRANSLATE_QUEUE,
  type TranslateJobData,
} from './translate-job.ts';

/** The queue of translation work, as the API fills it and workers take from it. */
export type TranslateQueue = Queue<TranslateJobData, void, typeof TRANSLATE_JOB>;
/** A worker of {@link TranslateQueue}. */
export type TranslateWorker = Worker<TranslateJobData, void, typeof TRANSLATE_JOB>;
/** A translate job as a processor receives it. */
export type TranslateQueueJob = Job<TranslateJobData, void, typeof TRANSLATE_JOB>;
/** The queue on which workers hand results back to the API. */
export type ResultsQueue = Queue<ResultMessage, void, ResultJobName>;
/** The API's consumer of {@link ResultsQueue}. */
export type ResultsWorker = Worker<ResultMessage, void, ResultJobName>;
/** A result job as the consumer receives it; its data is parsed before it is believed. */
export type ResultsQueueJob = Job<ResultMessage, void, ResultJobName>;

/** Where a queue lives: its Redis connection and key prefix (`QUEUE_PREFIX`). */
export interface QueuePlace {
  readonly connection: ConnectionOptions;
  readonly prefix: string;
}

/**
 * The translate queue, with {@link TRANSLATE_JOB_OPTIONS} for every job added to it.
 *
 * @example
 * const queue = translateQueue({ connection, prefix: config.queuePrefix });
 */
export function translateQueue(
  place: QueuePlace,
  options: Omit<QueueOptions, 'connection' | 'prefix'> = {},
): TranslateQueue {
  return new Queue(TRANSLATE_QUEUE, {
    defaultJobOptions: TRANSLATE_JOB_OPTIONS,
    ...options,
    connection: place.connection,
    prefix: place.prefix,
  });
}

/**
 * The results queue, with {@link RESULT_JOB_OPTIONS} for every result added to it
 * ({@link addResult}).
 *
 * @example
 * const results = resultsQueue({ connection, prefix: config.queuePrefix });
 */
export function resultsQueue(
  place: QueuePlace,
  options: Omit<QueueOptions, 'connection' | 'prefix'> = {},
): ResultsQueue {
  return new Queue(RESULTS_QUEUE, {
    defaultJobOptions: RESULT_JOB_OPTIONS,
    ...options,
    connection: place.connection,
    prefix: place.prefix,
  });
}

/**
 * A worker of the translate queue; a job may stall {@link TRANSLATE_MAX_STALLED_COUNT} times
 * unless `options` says otherwise.
 *
 * @example
 * const worker = translateWorker(place, processor, { concurrency: 2, lockDuration: 30_000 });
 */
export function translateWorker(
  place: QueuePlace,
  processor: (job: TranslateQueueJob, token?: string, signal?: AbortSignal) => Promise<void>,
  options: Omit<WorkerOptions, 'connection' | 'prefix'> = {},
): TranslateWorker {
  return new Worker(TRANSLATE_QUEUE, processor, {
    maxStalledCount: TRANSLATE_MAX_STALLED_COUNT,
    ...options,
    connection: place.connection,
    prefix: place.prefix,
  });
}

/**
 * The consumer of the results queue.
 *
 * @example
 * const worker = resultsWorker(place, persist, { concurrency: 4 });
 */
export function resultsWorker(
  place: QueuePlace,
  processor: (job: ResultsQueueJob) => Promise<void>,
  options: Omit<WorkerOptions, 'connection' | 'prefix'> = {},
): ResultsWorker {
  return new Worker(RESULTS_QUEUE, processor, {
    ...options,
    connection: place.connection,
    prefix: place.prefix,
  });
}

/**
 * Hands a result to the API: one job named after its `kind`, under its derived id
 * ({@link resultJobId}), with {@link RESULT_JOB_OPTIONS}.
 *
 * @example
 * await addResult(results, { kind: 'started', articleId, revision, language: 'de', startedAt });
 */
export async function addResult(
  queue: Pick<ResultsQueue, 'add'>,
  message: ResultMessage,
): Promise<void> {
  await queue.add(message.kind, message, {
    ...RESULT_JOB_OPTIONS,
    jobId: resultJobId(
      message.kind,
      message.articleId,
      message.revision,
      message.language,
      message.retry,
    ),
  });
}
