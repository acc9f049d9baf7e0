import { type ArticleContent, LANGUAGE_CODES, type LanguageCode } from '@tidings/core';
import type { DefaultJobOptions } from 'bullmq';
import { z } from 'zod';

/** Name of the queue of translation work, consumed by workers. */
export const TRANSLATE_QUEUE = 'tidings-translate';
/** Name of the queue of finished translations, consumed by the API, which persists them. */
export const RESULTS_QUEUE = 'tidings-results';

/** Job name on {@link TRANSLATE_QUEUE}. */
export const TRANSLATE_JOB = 'translate';
/** Job names on {@link RESULTS_QUEUE}: a worker started a translation, or finished it. */
export type ResultJobName = ResultMessage['kind'];

/** What a worker needs to translate one article into one language; no database needed. */
export interface TranslateJobData {
  readonly articleId: string;
  readonly revision: number;
  readonly source: LanguageCode;
  readonly target: LanguageCode;
  /** The source revision's content. */
  readonly content: ArticleContent;
  /** The HTTP request that caused the job, so one id runs through API and worker logs. */
  readonly requestId?: string | undefined;
  /** Which retry of the revision this is (`POST …/retry`); absent or 0 for the first translation. */
  readonly retry?: number | undefined;
}

/**
 * Checks a translate job's payload as a worker receives it: a job written by another version
 * of Tidings, or by hand, is refused whole rather than half-translated.
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
    content: z.object({
      title: z.string(),
      summary: z.string(),
      body: z.string(),
      categories: z.array(z.string()),
      image: z.object({ url: z.string(), alt: z.string() }).optional(),
    }),
    requestId: z.string().optional(),
    retry: z.number().int().min(0).optional(),
  })
  .refine((d) => d.source !== d.target, 'source and target must differ');

/** A worker took a translation job: the API shows the language as translating. */
export interface TranslationStartedData {
  readonly kind: 'started';
  readonly articleId: string;
  readonly revision: number;
  readonly language: LanguageCode;
  /** The job's {@link TranslateJobData.retry}. */
  readonly retry?: number | undefined;
  readonly startedAt: string;
}

/** A finished translation, handed back durably through {@link RESULTS_QUEUE}. */
export interface TranslationResultData {
  readonly kind: 'finished';
  readonly articleId: string;
  readonly revision: number;
  readonly language: LanguageCode;
  /** The job's {@link TranslateJobData.retry}. */
  readonly retry?: number | undefined;
  readonly outcome: 'published' | 'needs_review' | 'failed';
  /**
   * Set on a `failed` outcome when BullMQ failed the job for stalling too often (its workers
   * died or lost Redis while holding it), not the translation: the API translates it again as
   * a fresh job, up to `STALLED_RETRIES` times per revision.
   */
  readonly stalled?: boolean | undefined;
  /** Present unless the outcome is `failed`. */
  readonly content?: ArticleContent | undefined;
  /** The model, or models joined with ` → ` for a pivot: `Xenova/opus-mt-es-en → Xenova/opus-mt-en-de`. */
  readonly model?: string | undefined;
  /** Why it needs review or failed. */
  readonly reason?: string | undefined;
  /** The article's language, for per-pair metrics. */
  readonly source?: LanguageCode | undefined;
  /** Segments of the article, distinct translations the memory answered, and those a model made. */
  readonly segments?: number | undefined;
  readonly memoryHits?: number | undefined;
  readonly modelCalls?: number | undefined;
  /** Models the worker loaded for this job, and how long each took. */
  readonly modelLoads?: readonly { readonly model: string; readonly ms: number }[] | undefined;
  readonly startedAt: string;
  readonly finishedAt: string;
}

/** What travels on {@link RESULTS_QUEUE}, told apart by `kind` (also the job's name). */
export type ResultMessage = TranslationStartedData | TranslationResultData;

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
  kind: ResultMessage['kind'],
  articleId: string,
  revision: number,
  language: LanguageCode,
  retry = 0,
): string {
  return `${kind}.${translateJobId(articleId, revision, language, retry)}`;
}

/** Options of every translate job: retried with exponential backoff, kept a while for status. */
export const TRANSLATE_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * Options of every result job: the API retries persisting for a long time, and removes a
 * result once the store has it. The store is the record (and idempotent); a persisted result
 * kept in Redis would only make BullMQ ignore the next result under its id, which is how a
 * translation retried from the queue dashboard used to be dropped.
 */
export const RESULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 20,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: true,
  removeOnFail: { age: 30 * 24 * 3600 },
};

/**
 * How many times a translate job may go back to the queue because its worker stopped renewing
 * its lock (the worker was killed, or cut off from Redis) before BullMQ fails it for good.
 * BullMQ's default, 1, failed a job whose worker happened to be killed twice while holding it;
 * a stall says nothing about the job, so it is given as many chances as failed attempts.
 */
export const TRANSLATE_MAX_STALLED_COUNT = 5;

/** The reason BullMQ gives a job that went past {@link TRANSLATE_MAX_STALLED_COUNT}. */
export const STALLED_TOO_OFTEN = 'job stalled more than allowable limit';
