import {
  articleContentSchema,
  failureReasonSchema,
  LANGUAGE_CODES,
  type LanguageCode,
  reviewReasonSchema,
  segmentOriginsSchema,
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
import { translateJobId } from './translate-job.ts';

/** Name of the queue of finished translations, consumed by the API, which persists them. */
export const RESULTS_QUEUE = 'tidings-results';

const key = {
  articleId: z.string().min(1),
  revision: z.number().int().min(1),
  language: z.enum(LANGUAGE_CODES),
  /** The job's `TranslateJobData.retry`. */
  retry: z.number().int().min(0).optional(),
  startedAt: z.iso.datetime(),
};

const finished = {
  ...key,
  kind: z.literal('finished'),
  /** The article's language, for per-pair metrics. */
  source: z.enum(LANGUAGE_CODES).optional(),
  finishedAt: z.iso.datetime(),
};

/** What a translation that produced text reports, besides its text (metrics and logs). */
const made = {
  ...finished,
  content: articleContentSchema,
  /** The model, or the models of a pivot joined with ` → `: `Xenova/opus-mt-es-en → Xenova/opus-mt-en-de`. */
  model: z.string().min(1),
  /** Segments of the article, distinct translations the memory answered, and those a model made. */
  segments: z.number().int().min(0).optional(),
  memoryHits: z.number().int().min(0).optional(),
  modelCalls: z.number().int().min(0).optional(),
  /** Where each segment came from: an editor's wording in the memory, the memory's machine entry, a model. */
  segmentOrigins: segmentOriginsSchema.optional(),
  /** Models the worker loaded for this job, and how long each took. */
  modelLoads: z
    .array(z.object({ model: z.string(), ms: z.number().min(0) }).readonly())
    .readonly()
    .optional(),
  /**
   * Why the version is held for review (or, published, what was repaired), as data: each
   * reason's code, fields and segment. Absent from workers older than this field, whose
   * messages carry only the English `reason`.
   */
  reasons: z.array(reviewReasonSchema).readonly().optional(),
};

/**
 * Every message on {@link RESULTS_QUEUE}, told apart by `kind` (also the job's name) and, for a
 * finished translation, by `outcome`: a worker `started`; it `published` a translation; it made
 * one that `needs_review` (with the `reason`); or it `failed` (with the `reason` and the
 * `failure` as data; `stalled` when
 * BullMQ failed the job for stalling too often, not the translation, so the API translates it
 * again as a fresh job, up to `STALLED_RETRIES` times per revision). The consumer parses every
 * message with it; {@link ResultMessage} is inferred from it.
 *
 * @example
 * const parsed = resultMessageSchema.safeParse(job.data);
 */
export const resultMessageSchema = z.discriminatedUnion('kind', [
  z.object({ ...key, kind: z.literal('started') }).readonly(),
  z.discriminatedUnion('outcome', [
    // A published version's reason flags what the translator repaired (PUBLISH_POLICY=flag).
    z
      .object({ ...made, outcome: z.literal('published'), reason: z.string().min(1).optional() })
      .readonly(),
    z.object({ ...made, outcome: z.literal('needs_review'), reason: z.string().min(1) }).readonly(),
    z
      .object({
        ...finished,
        outcome: z.literal('failed'),
        /** The failure in English, for the logs (and readers of results older than `failure`). */
        reason: z.string().min(1),
        /**
         * Why, as data: a code and its fields, said in any language from `locales/`. Absent
         * from workers older than this field, whose messages carry only the English `reason`.
         */
        failure: failureReasonSchema.optional(),
        stalled: z.boolean().optional(),
      })
      .readonly(),
  ]),
]);

/** What travels on {@link RESULTS_QUEUE}. */
export type ResultMessage = z.infer<typeof resultMessageSchema>;
/** A worker took a translation job: the API shows the language as translating. */
export type TranslationStartedData = Extract<ResultMessage, { kind: 'started' }>;
/** A finished translation, by outcome: published, needs review, or failed. */
export type TranslationResultData = Extract<ResultMessage, { kind: 'finished' }>;
/** Job names on {@link RESULTS_QUEUE}: a worker started a translation, or finished it. */
export type ResultJobName = ResultMessage['kind'];

/**
 * The id of the result job for one (article, revision, language, retry): the same result sent
 * twice while the first still waits is one job. Once persisted, a result job is removed
 * ({@link RESULT_JOB_OPTIONS}), so a later result of the same job (retried from the queue
 * dashboard) is a job of its own.
 *
 * @example
 * resultJobId('finished', '01J9', 2, 'uk'); // 'finished.01J9.r2.uk'
 */
export function resultJobId(
  kind: ResultJobName,
  articleId: string,
  revision: number,
  language: LanguageCode,
  retry = 0,
): string {
  return `${kind}.${translateJobId(articleId, revision, language, retry)}`;
}

/**
 * Options of every result job: the API retries persisting for a long time, and removes a
 * result once the store has it. The store is the record (and idempotent); a persisted result
 * kept in Redis would only make BullMQ ignore the next result under its id, which is how a
 * translation retried from the queue dashboard used to be dropped. A result the API cannot read
 * fails at once and is kept, failed, for 30 days (the dead letters).
 */
export const RESULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 20,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: true,
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** The queue on which workers hand results back to the API. */
export type ResultsQueue = Queue<ResultMessage, void, ResultJobName>;
/** The API's consumer of {@link ResultsQueue}. */
export type ResultsWorker = Worker<ResultMessage, void, ResultJobName>;
/** A result job as the consumer receives it; its data is parsed before it is believed. */
export type ResultsQueueJob = Job<ResultMessage, void, ResultJobName>;

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
