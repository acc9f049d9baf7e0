import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  type ArticleContent,
  cleanArticleContent,
  type LanguageCode,
  type Logger,
} from '@tidings/core';
import { reviewReasonText, translatorFor } from '@tidings/i18n';
import {
  addResult,
  type ResultsQueue,
  stalledTooOftenFailure,
  stalledTooOftenReason,
  type TranslateJobData,
  type TranslationResultData,
  translateJobDataSchema,
} from '@tidings/queue';
import {
  isRepairOnly,
  type ReviewReason,
  type TargetTranslation,
  type TranslateOptions,
} from '@tidings/translator';
import { DelayedError, UnrecoverableError } from 'bullmq';
import { failureMessage, failureOf } from './failure-of.ts';

/**
 * What the processor uses of a job (a BullMQ `Job`); narrow, so tests can hand it their own.
 */
export interface TranslateJob {
  readonly id?: string | undefined;
  readonly data: TranslateJobData;
  readonly attemptsMade: number;
  readonly opts: { readonly attempts?: number | undefined };
  updateProgress(progress: object): Promise<void>;
}

/** The part of the translator a worker uses: one article, some target languages. */
export interface ArticleTranslator {
  translateArticle(
    content: ArticleContent,
    source: LanguageCode,
    targets: readonly LanguageCode[],
    options?: TranslateOptions,
  ): Promise<ReadonlyMap<LanguageCode, TargetTranslation>>;
}

/**
 * Thrown by the processor of a job whose lock this worker lost (its renewals could not reach
 * Redis for a whole lock duration, or Redis refused one): the job is another worker's now, or
 * will be after the next stalled check. It is a `DelayedError` because that is how BullMQ is
 * told that a job's state was settled elsewhere: the worker then leaves the job alone instead
 * of trying to fail it with a lock it no longer holds.
 *
 * @example
 * if (signal.aborted) throw new LockLostError(job.id);
 */
export class LockLostError extends DelayedError {
  override readonly name = 'LockLostError';

  constructor(jobId: string | undefined) {
    super(`job ${jobId ?? '?'}: this worker lost its lock; another worker takes it over`);
  }
}

const isUnrecoverable = (error: unknown) =>
  (error as { unrecoverable?: unknown })?.unrecoverable === true ||
  error instanceof UnrecoverableError;

type Results = Pick<ResultsQueue, 'add'>;

const sendFinished = (results: Results, data: TranslationResultData) => addResult(results, data);

/**
 * Reports a job that BullMQ failed for stalling too often (its workers kept dying or losing
 * Redis while they held it) as a failed translation marked `stalled`: the API translates it
 * again as a fresh job (`STALLED_RETRIES` times per revision), then shows the language
 * `failed` with the reason, never `translating` with no job anywhere. The processor never ran
 * for it.
 *
 * @example
 * worker.on('failed', (job, error) => { if (error.message === STALLED_TOO_OFTEN && job) void reportStalledTooOften(results, job.data); });
 */
export async function reportStalledTooOften(
  results: Results,
  data: TranslateJobData,
): Promise<void> {
  const now = new Date().toISOString();
  await sendFinished(results, {
    kind: 'finished',
    articleId: data.articleId,
    revision: data.revision,
    language: data.target,
    retry: data.retry,
    source: data.source,
    outcome: 'failed',
    stalled: true,
    failure: stalledTooOftenFailure(1),
    reason: stalledTooOftenReason(1),
    startedAt: now,
    finishedAt: now,
  });
}

/**
 * The processor of translate jobs: tells the API it started, translates, and hands the result
 * back durably on the results queue. A fault a retry cannot mend (a missing model, bad input)
 * fails the job at once; on the last attempt the failure is reported so the language shows it.
 * When BullMQ aborts `signal` (the worker lost the job's lock), the translation is withdrawn
 * and the job left to the worker that takes it over ({@link LockLostError}).
 *
 * @example
 * new Worker(TRANSLATE_QUEUE, translateProcessor(translator, results, logger), { connection });
 */
export function translateProcessor(
  translator: ArticleTranslator,
  results: Results,
  logger: Logger,
  /** Model loads since the last call (drained per job), reported with the result. */
  takeModelLoads: () => { model: string; ms: number }[] = () => [],
  /**
   * PUBLISH_POLICY: `flag` publishes a version whose only reasons are repairs (see
   * `isRepairOnly`) with them as its reason; `hold` keeps it for review. A loss always holds.
   */
  publishPolicy: 'flag' | 'hold' = 'hold',
) {
  return async (job: TranslateJob, _token?: string, signal?: AbortSignal): Promise<void> => {
    const payload = translateJobDataSchema.safeParse(job.data);
    if (!payload.success) {
      // No retry can mend a malformed payload: fail it once, loudly, and keep working.
      const problems = payload.error.issues.map(
        (i) => `${i.path.join('.') || 'data'}: ${i.message}`,
      );
      logger.error({ jobId: job.id, problems }, 'malformed translate job refused');
      throw new UnrecoverableError(`malformed job: ${problems.join('; ')}`);
    }
    const { articleId, revision, source, target, content, retry } = job.data;
    const key = { articleId, revision, language: target, retry };
    const startedAt = new Date().toISOString();
    // The job's lock is renewed from this event loop: the longest delay it saw during the
    // translation says how close a job came to stalling (logged with every translation).
    const loopDelay = monitorEventLoopDelay({ resolution: 20 });
    loopDelay.enable();
    const log = logger.child({
      jobId: job.id,
      requestId: job.data.requestId,
      articleId,
      revision,
      source,
      target,
    });
    await addResult(results, { kind: 'started', ...key, startedAt });
    const send = (data: TranslationResultData) => sendFinished(results, data);
    try {
      const translated = await translator.translateArticle(content, source, [target], {
        progress: (progress) => void job.updateProgress({ ...progress }).catch(() => undefined),
        signal,
      });
      // The lock went while the translation finished: the worker taking over sends the result.
      if (signal?.aborted) throw new LockLostError(job.id);
      const out = translated.get(target);
      if (!out) throw new UnrecoverableError(`the translator returned nothing for ${target}`);
      const made = {
        kind: 'finished',
        ...key,
        // Model output is untrusted: it is cleaned as the publisher's text was.
        content: cleanArticleContent(out.content),
        model: out.model,
        source,
        segments: out.segments,
        memoryHits: out.memoryHits,
        modelCalls: out.modelCalls,
        segmentOrigins: out.segmentOrigins,
        modelLoads: takeModelLoads(),
        startedAt,
        finishedAt: new Date().toISOString(),
      } as const;
      const reason = reviewText(out.needsReview);
      const flagged = publishPolicy === 'flag' && isRepairOnly(out.needsReview);
      await send(
        reason && !flagged
          ? { ...made, outcome: 'needs_review', reason, reasons: out.needsReview }
          : {
              ...made,
              outcome: 'published',
              ...(reason ? { reason, reasons: out.needsReview } : {}),
            },
      );
      log.info(
        {
          model: out.model,
          needsReview: out.needsReview.length,
          eventLoopMaxDelayMs: Math.round(loopDelay.max / 1e6),
        },
        'translated',
      );
    } catch (error) {
      if (signal?.aborted) {
        log.warn(
          { why: signal.reason instanceof Error ? signal.reason.message : String(signal.reason) },
          'gave up the job: this worker lost its lock, and another worker takes it over',
        );
        throw new LockLostError(job.id);
      }
      const final = isUnrecoverable(error) || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      log.warn(
        { err: error, final },
        final ? 'translation failed for good' : 'translation failed; will retry',
      );
      if (!final) throw error;
      await send({
        kind: 'finished',
        ...key,
        outcome: 'failed',
        reason: failureMessage(error),
        failure: failureOf(error),
        source,
        startedAt,
        finishedAt: new Date().toISOString(),
      });
      throw isUnrecoverable(error) ? new UnrecoverableError((error as Error).message) : error;
    } finally {
      loopDelay.disable();
    }
  };
}

/**
 * The review reasons of a version as one English line, the `reason` text that travels beside
 * the reasons as data (for `tidings show` and readers of results older than the data): each
 * reason's sentence from `locales/en/review.json`, by its code.
 *
 * @example
 * reviewText([{ code: 'lost-foreign-run', runs: ['习近平'], segment: 'Met 习近平.' }]);
 * // 'Text in another script was lost (习近平) in “Met 习近平.”'
 */
export function reviewText(reasons: readonly ReviewReason[]): string | undefined {
  if (reasons.length === 0) return undefined;
  const t = translatorFor('en');
  return reasons.map((reason) => reviewReasonText(t, reason)).join('; ');
}
