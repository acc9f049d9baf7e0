import type { Logger } from '@tidings/core';
import { STALLED_TOO_OFTEN, type TranslateQueue, translateJobId } from '@tidings/queue';
import type { Store, TranslationRequest } from '@tidings/store';
import { retryStalled } from './retry-stalled.ts';
import type { TranslationDispatcher } from './translation-dispatcher.ts';

/**
 * How long a request committed but not yet enqueued may be left to the API that wrote it
 * (which enqueues right after its commit) before the reconciler enqueues it itself.
 */
const PENDING_GRACE_MS = 5_000;

/** When the reconciler runs and what it counts as overdue. */
export interface ReconcilerOptions {
  /** Pause between passes. */
  readonly intervalMs: number;
  /** An enqueued request with no result after this long is checked against the queue. */
  readonly overdueAfterMs: number;
  /** How many times a revision's job failed for stalling is translated again (`STALLED_RETRIES`). */
  readonly stalledRetries: number;
}

/**
 * Redis is not the system of record: this re-enqueues what the store's outbox still waits
 * for. Pending requests (the API stopped between commit and enqueue) are enqueued a few
 * seconds after their commit; overdue ones whose job Redis no longer has, or whose job ended
 * without a result reaching the store, get their job again, except a job failed for stalling
 * whose report was lost: that one is retried as a fresh job, as the results consumer would.
 *
 * @example
 * const reconciler = new Reconciler(dispatcher, store, queue, logger, { intervalMs: 30_000, overdueAfterMs: 600_000, stalledRetries: 3 });
 * reconciler.start();
 */
export class Reconciler {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;

  constructor(
    private readonly dispatcher: TranslationDispatcher,
    private readonly store: Pick<
      Store,
      'listUnfinishedRequests' | 'retryTranslations' | 'recordTranslationFailure'
    >,
    private readonly queue: Pick<TranslateQueue, 'getJob'>,
    private readonly logger: Logger,
    private readonly options: ReconcilerOptions,
  ) {}

  /** One pass; resolves with how many jobs it (re-)enqueued. */
  runOnce(): Promise<number> {
    this.#running ??= this.#pass().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #pass(): Promise<number> {
    const unfinished = await this.store.listUnfinishedRequests({
      olderThanMs: this.options.overdueAfterMs,
      // A request never enqueued was left by an API that stopped between its commit and its
      // enqueue: only a request just committed by a live API may still be on its way.
      pendingOlderThanMs: Math.min(PENDING_GRACE_MS, this.options.overdueAfterMs),
    });
    const again: TranslationRequest[] = [];
    for (const request of unfinished) {
      if (request.state === 'pending') {
        again.push(request);
        continue;
      }
      const id = translateJobId(
        request.articleId,
        request.revision,
        request.language,
        request.retry,
      );
      const job = await this.queue.getJob(id);
      const state = job ? await job.getState() : 'missing';
      if (state === 'failed' && job?.failedReason === STALLED_TOO_OFTEN) {
        // BullMQ failed it for stalling and the worker that saw it died before reporting it:
        // the same bounded retry as a reported stall, never a rerun of the same job.
        await this.#stalled(request);
        continue;
      }
      if (state === 'missing' || state === 'unknown') again.push(request);
      else if (state === 'completed' || state === 'failed') {
        // The job ended but its result never reached the store (Redis lost the result job):
        // run it again rather than leave the language waiting forever.
        await job?.remove();
        again.push(request);
      }
    }
    if (again.length === 0) return 0;
    const count = await this.dispatcher.dispatch(again);
    this.logger.info({ count }, 'reconciler re-enqueued unfinished translation requests');
    return count;
  }

  async #stalled(request: TranslationRequest): Promise<void> {
    const key = {
      articleId: request.articleId,
      language: request.language,
      revision: request.revision,
      retry: request.retry ?? 0,
    };
    const stall = await retryStalled(key, {
      store: this.store,
      dispatcher: this.dispatcher,
      stalledRetries: this.options.stalledRetries,
      logger: this.logger,
    });
    if (!stall.retried) {
      await this.store.recordTranslationFailure({
        ...key,
        reason: stall.reason,
        failure: stall.failure,
      });
    }
  }

  /** Runs a pass now and then every `intervalMs`, never two at once. */
  start(): void {
    const tick = () => {
      this.runOnce()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'reconciler pass failed'))
        .finally(() => {
          if (this.#timer) this.#timer = setTimeout(tick, this.options.intervalMs).unref();
        });
    };
    this.#timer = setTimeout(tick, 0).unref();
  }

  /** Stops scheduling passes and waits for the one in progress. */
  async stop(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running?.catch(() => undefined);
  }
}
