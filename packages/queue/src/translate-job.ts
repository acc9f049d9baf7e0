import {
  articleContentSchema,
  type FailureReasonData,
  LANGUAGE_CODES,
  type LanguageCode,
} from '@tidings/core';
import {
  type DefaultJobOptions,
  type Job,
  Queue,
  type QueueOptions,
  Worker,
  type WorkerOptions,
} from 'bullmq';
import { z } from 'zod';
import type { QueuePlace } from './connection.ts';

/** Name of the queue of translation work, consumed by workers. */
export const TRANSLATE_QUEUE = 'tidings-translate';

/** Job name on {@link TRANSLATE_QUEUE}. */
export const TRANSLATE_JOB = 'translate';

/**
 * What a worker needs to translate one article into one language (no database needed), as a
 * worker checks it: a job written by another version of Tidings, or by hand, is refused whole
 * rather than half-translated. {@link TranslateJobData} is inferred from it.
 *
 * @example
 * const result = translateJobDataSchema.safeParse(job.data);
 */
export const translateJobDataSchema = z
  .object({
    articleId: z.string().min(1),
    revision: z.number().int().min(1),
    source: z.enum(LANGUAGE_CODES),
    target: z.enum(LANGUAGE_CODES),
    /** The source revision's content. */
    content: articleContentSchema,
    /** The HTTP request that caused the job, so one id runs through API and worker logs. */
    requestId: z.string().optional(),
    /** Which retry of the revision this is (`POST …/retry`); absent or 0 for the first translation. */
    retry: z.number().int().min(0).optional(),
  })
  .readonly()
  .refine((d) => d.source !== d.target, 'source and target must differ');

/** A translate job's payload: one article's revision, into one language. */
export type TranslateJobData = z.infer<typeof translateJobDataSchema>;

/**
 * The id of the job translating one revision of an article into one language, and which retry
 * of it (`POST …/retry`; 0 for the first translation). Derived, never random, so that a repost
 * or a second retry request never duplicates work. BullMQ forbids ':' in custom ids.
 *
 * @example
 * translateJobId('01J9', 2, 'uk'); // '01J9.r2.uk'
 * translateJobId('01J9', 2, 'uk', 1); // '01J9.r2.uk.retry1'
 */
export function translateJobId(
  articleId: string,
  revision: number,
  target: LanguageCode,
  retry = 0,
): string {
  return `${articleId}.r${revision}.${target}${retry > 0 ? `.retry${retry}` : ''}`;
}

/** Options of every translate job: retried with exponential backoff, kept a while for status. */
export const TRANSLATE_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * How many times a translate job may go back to the queue because its worker stopped renewing
 * its lock (the worker was killed, or cut off from Redis) before BullMQ fails it for good.
 * BullMQ's default, 1, failed a job whose worker happened to be killed twice while holding it;
 * a stall says nothing about the job, so it is given as many chances as failed attempts.
 */
export const TRANSLATE_MAX_STALLED_COUNT = 5;

/**
 * The reason a language is failed with once its jobs stalled past `STALLED_RETRIES`: BullMQ
 * failed each of `jobs` jobs after its workers stopped {@link TRANSLATE_MAX_STALLED_COUNT} + 1
 * times while holding it.
 *
 * @example
 * stalledTooOftenReason(4); // 'its workers died or stalled 24 times while holding it …'
 */
export function stalledTooOftenReason(jobs: number): string {
  const stalls = TRANSLATE_MAX_STALLED_COUNT + 1;
  const each = jobs === 1 ? '1 job, failed' : `${jobs} jobs, each failed`;
  return `its workers died or stalled ${jobs * stalls} times while holding it (killed, or cut off from Redis): ${each} after ${stalls} stalls; retry it once the workers are healthy`;
}

/**
 * The failure, as data, of a language failed once its jobs stalled past `STALLED_RETRIES`
 * (see {@link stalledTooOftenReason}, its English text).
 *
 * @example
 * stalledTooOftenFailure(4); // { code: 'stalled', stalls: 6, jobs: 4 }
 */
export function stalledTooOftenFailure(jobs: number): FailureReasonData {
  return { code: 'stalled', stalls: TRANSLATE_MAX_STALLED_COUNT + 1, jobs };
}

/** The reason BullMQ gives a job that went past {@link TRANSLATE_MAX_STALLED_COUNT}. */
export const STALLED_TOO_OFTEN = 'job stalled more than allowable limit';

/** The queue of translation work, as the API fills it and workers take from it. */
export type TranslateQueue = Queue<TranslateJobData, void, typeof TRANSLATE_JOB>;
/** A worker of {@link TranslateQueue}. */
export type TranslateWorker = Worker<TranslateJobData, void, typeof TRANSLATE_JOB>;
/** A translate job as a processor receives it. */
export type TranslateQueueJob = Job<TranslateJobData, void, typeof TRANSLATE_JOB>;

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
