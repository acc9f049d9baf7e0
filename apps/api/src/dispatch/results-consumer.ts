import { LANGUAGE_CODES, type Logger } from '@tidings/core';
import {
  logConnectionErrors,
  type ResultsQueueJob,
  type ResultsWorker,
  resultMessageSchema,
  resultsWorker,
  type TranslationResultData,
} from '@tidings/queue';
import { NotFoundError, type Store } from '@tidings/store';
import { type ConnectionOptions, UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { retryStalled } from './retry-stalled.ts';
import type { TranslationDispatcher } from './translation-dispatcher.ts';

/** Called after a result changed what readers see (feeds refresh their cache, WebSub pings). */
export type OnPublished = (articleId: string, language: string) => void;

/**
 * Persists what workers hand back through the results queue: a job is done only once the
 * store has it, so a result finished while the API was down is persisted when it returns.
 * Applying the same result twice changes nothing (the store is idempotent per article,
 * language and revision). A job BullMQ failed for stalling is translated again
 * ({@link retryStalled}) until the revision has had `stalledRetries` such retries. Every
 * message is parsed first: one the API cannot read is logged and failed at once, kept with
 * the failed results (the dead letters), and, when it names its translation, that language is
 * failed with the reason rather than left translating ({@link unreadableResult}).
 *
 * @example
 * const consumer = startResultsConsumer({ connection, prefix, store, dispatcher, stalledRetries: 3, logger });
 * await consumer.close();
 */
export function startResultsConsumer(deps: {
  connection: ConnectionOptions;
  prefix: string;
  store: Pick<
    Store,
    'markTranslating' | 'recordTranslationResult' | 'recordTranslationFailure' | 'retryTranslations'
  >;
  /** Enqueues the fresh job of a try that stalled. */
  dispatcher: Pick<TranslationDispatcher, 'dispatch'>;
  /** How many times a revision's job failed for stalling is translated again (`STALLED_RETRIES`). */
  stalledRetries: number;
  logger: Logger;
  onPublished?: OnPublished;
  /** Sees every finished result (metrics). */
  onResult?: (result: TranslationResultData) => void;
}): ResultsWorker {
  const { store, logger } = deps;
  const persist = async (job: ResultsQueueJob) => {
    const parsed = resultMessageSchema.safeParse(job.data);
    if (!parsed.success) return unreadableResult(job, parsed.error, { store, logger });
    const message = parsed.data;
    try {
      if (message.kind === 'started') {
        await store.markTranslating(message.articleId, message.language, message.revision);
        return;
      }
      const key = {
        articleId: message.articleId,
        language: message.language,
        revision: message.revision,
        retry: message.retry,
      };
      // BullMQ failed the job because its workers kept dying: nothing was wrong with the
      // article, so it is translated again as a fresh job, a bounded number of times.
      if (message.outcome === 'failed') {
        let { reason, failure } = message;
        if (message.stalled) {
          const stall = await retryStalled(message, deps);
          if (stall.retried) return;
          ({ reason, failure } = stall);
        }
        await store.recordTranslationFailure({ ...key, reason, failure });
        logger.warn({ ...key, reason, code: failure?.code }, 'translation failed');
        deps.onResult?.(message);
        return;
      }
      const outcome = await store.recordTranslationResult({
        ...key,
        status: message.outcome,
        // Needs review: why; published: what was repaired, if anything (PUBLISH_POLICY=flag).
        reason: message.reason,
        reasons: message.reasons,
        model: message.model,
        segmentOrigins: message.segmentOrigins,
        content: message.content,
        timings: {
          startedAt: new Date(message.startedAt),
          finishedAt: new Date(message.finishedAt),
        },
      });
      logger.info({ ...key, jobId: job.id, ...outcome }, 'translation result persisted');
      if (outcome.applied) deps.onPublished?.(message.articleId, message.language);
      deps.onResult?.(message);
    } catch (error) {
      // The article was deleted meanwhile: nothing to persist, and no retry can change that.
      if (error instanceof NotFoundError) throw new UnrecoverableError(error.message);
      throw error;
    }
  };
  const worker = resultsWorker({ connection: deps.connection, prefix: deps.prefix }, persist, {
    concurrency: 4,
    // Persisting takes milliseconds: a result whose API died is taken back within seconds
    // (one lock period, checked every half of it), not BullMQ's default of up to a minute.
    lockDuration: 10_000,
    stalledInterval: 5_000,
  });
  worker.on('failed', (job, error) =>
    error instanceof UnrecoverableError
      ? logger.warn({ err: error, jobId: job?.id }, 'a result was failed for good; it is kept')
      : logger.warn(
          { err: error, jobId: job?.id },
          'persisting a result failed; it will be retried',
        ),
  );
  logConnectionErrors(worker, logger, 'results consumer');
  return worker;
}

/** Enough of a finished result to say which translation it was about. */
const namedTranslation = z.object({
  kind: z.literal('finished'),
  articleId: z.string().min(1),
  revision: z.number().int().min(1),
  language: z.enum(LANGUAGE_CODES),
  retry: z.number().int().min(0).optional(),
});

/**
 * Deals with a result the API cannot read (written by another version of the worker, or by
 * hand): logs what is wrong with it, fails the language it names (if it names one, and says
 * it finished) with that reason so an editor sees it rather than a language left translating,
 * and fails the job for good, so it stays with the failed results for inspection (the dead
 * letters) and is never retried nor dropped unseen. Only a fault of the store while failing
 * the language is thrown as it is, so the job is retried.
 *
 * @example
 * if (!parsed.success) await unreadableResult(job, parsed.error, { store, logger });
 */
async function unreadableResult(
  job: Pick<ResultsQueueJob, 'id' | 'name' | 'data'>,
  error: z.ZodError,
  deps: { readonly store: Pick<Store, 'recordTranslationFailure'>; readonly logger: Logger },
): Promise<never> {
  const problems = error.issues.map((i) => `${i.path.join('.') || 'data'}: ${i.message}`);
  deps.logger.error(
    { jobId: job.id, jobName: job.name, problems },
    'unreadable translation result refused; it is kept with the failed results',
  );
  const named = namedTranslation.safeParse(job.data);
  if (named.success) {
    const { articleId, revision, language, retry } = named.data;
    const reason = `the worker's result could not be read (${problems.join('; ')}); retry it once the workers run this version of Tidings`;
    const failure = { code: 'unreadable-result', problems: problems.join('; ') } as const;
    // Deleted meanwhile: nothing to fail. Any other fault of the store is retried as usual.
    await deps.store
      .recordTranslationFailure({ articleId, revision, language, retry, reason, failure })
      .catch((failure: unknown) => {
        if (!(failure instanceof NotFoundError)) throw failure;
      });
  }
  throw new UnrecoverableError(`unreadable result: ${problems.join('; ')}`);
}
