import type { Logger } from '@tidings/core';
import { TRANSLATE_JOB, type TranslateQueue, translateJobId } from '@tidings/queue';
import { type Article, Batcher, type Store, type TranslationRequestKey } from '@tidings/store';

/** What a dispatch says of the requests it hands over. */
export interface DispatchContext {
  /** The HTTP request that caused them, carried into the jobs and the logs. */
  readonly requestId?: string | undefined;
  /** Their article as a write just returned it (current), so that it is not read again. */
  readonly article?: Article | undefined;
}

type TranslateJobs = Parameters<TranslateQueue['addBulk']>[0];

/**
 * Most jobs one `addBulk` carries: Redis runs a MULTI whole, so a reconciler pass that hands
 * over thousands of requests goes in several, and the other clients of Redis are served
 * between them. A dispatch is never split.
 */
const MAX_JOBS_PER_ADD = 500;
/** Most requests one mark statement carries (a reconciler pass hands over up to 500). */
const MAX_MARKS_PER_STATEMENT = 1_000;

/**
 * Hands translation requests from the store's outbox to the queue. The job id is derived
 * from (article, revision, language), so handing the same request over twice adds one job.
 *
 * Every dispatch made while one `addBulk` is on its way to Redis goes in the next, one round
 * trip for all: the requests of concurrent posts travel together. A post does not wait for
 * it ({@link enqueue}): its outbox was committed with the article, and an enqueue that is
 * lost (Redis fails, the process stops) only leaves its requests pending, which the
 * reconciler hands over again a few seconds after their commit.
 *
 * Marking requests enqueued in the store happens after their jobs are in Redis, batched the
 * same way: one statement for the marks of every dispatch made while one batch is written.
 * A lost mark, too, only leaves its request pending, and handing it over again adds no
 * second job while the first one is known to Redis. Both are the store's {@link Batcher}: when
 * an `addBulk` or a mark fails for several dispatches, each is tried again alone, so one that
 * Redis or the store refuses fails only its own.
 *
 * @example
 * const dispatcher = new TranslationDispatcher(queue, store, logger);
 * dispatcher.enqueue(write.requests, { article: write.article }); // a post's answer goes now
 * await dispatcher.dispatch(requests); // the jobs are in Redis
 * await dispatcher.flush(); // before closing the queue and the store
 */
export class TranslationDispatcher {
  /** The jobs of the dispatches made while one `addBulk` is on its way go in the next. */
  readonly #adds: Batcher<TranslateJobs, void>;
  /** Likewise the marks of the requests handed over while one mark statement runs. */
  readonly #marks: Batcher<readonly TranslationRequestKey[], void>;
  /** Dispatches handed over with {@link enqueue}, and marks, that have not settled. */
  readonly #unsettled = new Set<Promise<unknown>>();

  constructor(
    private readonly queue: Pick<TranslateQueue, 'addBulk'>,
    private readonly store: Pick<Store, 'getArticle' | 'markRequestsEnqueued'>,
    private readonly logger: Logger,
  ) {
    // One MULTI: a failure may have added some of the jobs, and handing them over again adds
    // none twice.
    this.#adds = new Batcher(
      async (dispatches) => {
        await this.queue.addBulk(dispatches.flat());
        return dispatches.map(() => undefined);
      },
      {
        inFlight: 1,
        maxBatch: MAX_JOBS_PER_ADD,
        maxWeight: MAX_JOBS_PER_ADD,
        weight: (jobs) => jobs.length,
      },
    );
    this.#marks = new Batcher(
      async (keys) => {
        await this.store.markRequestsEnqueued(keys.flat());
        return keys.map(() => undefined);
      },
      {
        inFlight: 1,
        maxBatch: MAX_MARKS_PER_STATEMENT,
        maxWeight: MAX_MARKS_PER_STATEMENT,
        weight: (keys) => keys.length,
      },
    );
  }

  /**
   * Enqueues one job per request and resolves with how many once they are in Redis; their
   * marks as enqueued follow (see {@link flush}). Requests for a revision that is no longer
   * current, or of a retracted article, are left to the store.
   */
  async dispatch(
    requests: readonly TranslationRequestKey[],
    context: DispatchContext = {},
  ): Promise<number> {
    const { jobs, sent } = await this.#jobsOf(requests, context);
    if (jobs.length === 0) return 0;
    await this.#adds.submit(jobs);
    this.#mark(sent);
    this.logger.debug({ jobs: jobs.map((j) => j.opts?.jobId) }, 'translation jobs enqueued');
    return jobs.length;
  }

  /**
   * {@link dispatch} without waiting, for requests already committed in the outbox: a failure
   * is logged, and the reconciler enqueues them later. {@link flush} waits for it.
   */
  enqueue(requests: readonly TranslationRequestKey[], context: DispatchContext = {}): void {
    if (requests.length === 0) return;
    this.#settle(
      this.dispatch(requests, context).catch((error: unknown) =>
        this.logger.warn(
          {
            err: error,
            articleIds: [...new Set(requests.map((r) => r.articleId))],
            requestId: context.requestId,
          },
          'enqueue failed after commit; the reconciler will enqueue',
        ),
      ),
    );
  }

  /**
   * Resolves once every request handed over so far is in Redis (or its enqueue failed) and
   * marked enqueued (or its mark failed).
   */
  async flush(): Promise<void> {
    while (this.#unsettled.size > 0) await Promise.all([...this.#unsettled]);
  }

  /** Keeps `work` (which never rejects) for {@link flush} until it settles. */
  #settle(work: Promise<unknown>): void {
    const settled = work.finally(() => this.#unsettled.delete(settled));
    this.#unsettled.add(settled);
  }

  async #jobsOf(
    requests: readonly TranslationRequestKey[],
    context: DispatchContext,
  ): Promise<{ jobs: TranslateJobs; sent: TranslationRequestKey[] }> {
    const byArticle = new Map<string, TranslationRequestKey[]>();
    for (const r of requests)
      byArticle.set(r.articleId, [...(byArticle.get(r.articleId) ?? []), r]);
    const jobs: TranslateJobs = [];
    const sent: TranslationRequestKey[] = [];
    for (const [articleId, wanted] of byArticle) {
      // The article a write just returned is current: no need to read it again.
      const article =
        context.article?.id === articleId
          ? context.article
          : await this.store.getArticle(articleId);
      if (article.retractedAt) continue;
      for (const request of wanted) {
        if (request.revision !== article.revision) continue;
        jobs.push({
          name: TRANSLATE_JOB,
          data: {
            articleId,
            revision: request.revision,
            source: article.sourceLanguage,
            target: request.language,
            content: article.content,
            requestId: context.requestId,
            ...(request.retry ? { retry: request.retry } : {}),
          },
          opts: {
            jobId: translateJobId(articleId, request.revision, request.language, request.retry),
          },
        });
        sent.push(request);
      }
    }
    return { jobs, sent };
  }

  #mark(keys: readonly TranslationRequestKey[]): void {
    this.#settle(
      this.#marks
        .submit(keys)
        .catch((error: unknown) =>
          this.logger.warn(
            { err: error, requests: keys.length },
            'marking requests enqueued failed; the reconciler will enqueue them again',
          ),
        ),
    );
  }
}
