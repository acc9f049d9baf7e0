import type { FailureReasonData, LanguageCode, Logger } from '@tidings/core';
import { stalledTooOftenFailure, stalledTooOftenReason } from '@tidings/queue';
import { ConflictError, type Store } from '@tidings/store';
import type { TranslationDispatcher } from './translation-dispatcher.ts';

/** What became of a try whose job BullMQ failed for stalling. */
export type StalledOutcome =
  | { readonly retried: true }
  /** Not translated again: the failure stands, with this reason (its text, and as data). */
  | {
      readonly retried: false;
      readonly reason: string;
      readonly failure: FailureReasonData;
    };

/**
 * Translates again, as a fresh job, a try whose job BullMQ failed for stalling too often (its
 * workers died or lost Redis while they held it, which says nothing about the article). It
 * goes through the retry path of `POST …/retry` (the store's `retryTranslations`), so it is
 * idempotent, never replaces an editor's text, and the outbox enqueues the job if this API
 * stops before it does; at most `stalledRetries` times per revision, so an article that kills
 * its workers is failed in the end rather than retried for ever.
 *
 * @example
 * const stall = await retryStalled(message, { store, dispatcher, stalledRetries: 3, logger });
 * if (!stall.retried) await store.recordTranslationFailure({ ...key, ...stall });
 */
export async function retryStalled(
  message: {
    readonly articleId: string;
    readonly language: LanguageCode;
    readonly revision: number;
    /** The try that stalled (0 or absent: the first translation). */
    readonly retry?: number | undefined;
    /** What the worker said, recorded when the try is not retried. */
    readonly reason?: string | undefined;
    readonly failure?: FailureReasonData | undefined;
  },
  deps: {
    readonly store: Pick<Store, 'retryTranslations'>;
    readonly dispatcher: Pick<TranslationDispatcher, 'dispatch'>;
    readonly stalledRetries: number;
    readonly logger: Logger;
  },
): Promise<StalledOutcome> {
  const { articleId, language, revision } = message;
  const retry = message.retry ?? 0;
  const key = { articleId, language, revision, retry };
  const given = {
    retried: false,
    reason: message.reason ?? 'its job stalled too often',
    failure: message.failure ?? stalledTooOftenFailure(1),
  } as const;
  let outcome: Awaited<ReturnType<Store['retryTranslations']>>[number] | undefined;
  try {
    [outcome] = await deps.store.retryTranslations(articleId, [language], {
      stalled: { revision, retry, limit: deps.stalledRetries },
    });
  } catch (error) {
    // Retracted meanwhile: nothing to translate, and the failure is recorded as it came.
    if (error instanceof ConflictError) return given;
    throw error;
  }
  if (!outcome) return given;
  if (outcome.outcome === 'skipped') {
    if (outcome.stalledRetries === undefined) return given;
    deps.logger.warn(
      { ...key, stalledRetries: outcome.stalledRetries, limit: deps.stalledRetries },
      'a job failed for stalling too often, and its retries are used up: the language is failed',
    );
    const jobs = outcome.stalledRetries + 1;
    return {
      retried: false,
      reason: stalledTooOftenReason(jobs),
      failure: stalledTooOftenFailure(jobs),
    };
  }
  // Queued now, or before by a delivery of this result that did not finish: enqueue (again;
  // the job id is derived, so it is one job). If this fails, the reconciler enqueues it.
  await deps.dispatcher
    .dispatch([outcome.request])
    .catch((error: unknown) =>
      deps.logger.warn(
        { err: error, ...key },
        'enqueue failed after commit; the reconciler will enqueue',
      ),
    );
  if (outcome.outcome === 'queued') {
    deps.logger.warn(
      {
        ...key,
        newRetry: outcome.request.retry,
        stalledRetry: outcome.stalledRetries,
        limit: deps.stalledRetries,
      },
      'a job failed for stalling too often (its workers died or lost Redis): translating it again as a fresh job',
    );
  }
  return { retried: true };
}
