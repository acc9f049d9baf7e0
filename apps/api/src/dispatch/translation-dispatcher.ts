import type { Logger } from '@tidings/core';
import { TRANSLATE_JOB, type TranslateQueue, translateJobId } from '@tidings/queue';
import type { Article, Store, TranslationRequestKey } from '@tidings/store';

/**
 * Hands translation requests from the store's outbox to the queue. The job id is derived
 * from (article, revision, language), so handing the same request over twice adds one job.
 *
 * Marking requests enqueued in the store happens after `dispatch` resolves, batched: the
 * marks of every dispatch made while one batch is being written go in the next, one
 * statement for all. A mark that is lost (the store fails, the process stops) only leaves
 * its request pending, and the reconciler hands a pending request over again after a few
 * seconds, which adds no second job while the first one is known to Redis.
 *
 * @example
 * const dispatcher = new TranslationDispatcher(queue, store, logger);
 * await dispatcher.dispatch(write.requests);
 * await dispatcher.flush(); // before closing the store
 */
export class TranslationDispatcher {
  /** Requests handed to the queue whose mark is not yet written. */
  #unmarked: TranslationRequestKey[] = [];
  #marking: Promise<void> | undefined;

  constructor(
    private readonly queue: Pick<TranslateQueue, 'addBulk'>,
    private readonly store: Pick<Store, 'getArticle' | 'markRequestsEnqueued'>,
    private readonly logger: Logger,
  ) {}

  /**
   * Enqueues one job per request; their marks as enqueued follow (see {@link flush}).
   * Requests for a revision that is no longer current are left to be marked done by the
   * store when the newer one finishes.
   */
  async dispatch(
    requests: readonly TranslationRequestKey[],
    context: { requestId?: string; article?: Article } = {},
  ): Promise<number> {
    const byArticle = new Map<string, TranslationRequestKey[]>();
    for (const r of requests)
      byArticle.set(r.articleId, [...(byArticle.get(r.articleId) ?? []), r]);
    const jobs: Parameters<typeof this.queue.addBulk>[0] = [];
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
    if (jobs.length === 0) return 0;
    await this.queue.addBulk(jobs);
    this.#mark(sent);
    this.logger.debug({ jobs: jobs.map((j) => j.opts?.jobId) }, 'translation jobs enqueued');
    return jobs.length;
  }

  /** Resolves once every request dispatched so far is marked enqueued (or its mark failed). */
  async flush(): Promise<void> {
    while (this.#marking) await this.#marking;
  }

  #mark(keys: readonly TranslationRequestKey[]): void {
    this.#unmarked.push(...keys);
    this.#marking ??= this.#markAll();
  }

  async #markAll(): Promise<void> {
    // Let the dispatches of the requests being answered meanwhile join the first batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.#unmarked.length > 0) {
      const batch = this.#unmarked.splice(0);
      await this.store
        .markRequestsEnqueued(batch)
        .catch((error: unknown) =>
          this.logger.warn(
            { err: error, requests: batch.length },
            'marking requests enqueued failed; the reconciler will enqueue them again',
          ),
        );
    }
    this.#marking = undefined;
  }
}
