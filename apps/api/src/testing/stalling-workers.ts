import {
  STALLED_TOO_OFTEN,
  type TranslateQueueJob,
  type TranslateWorker,
  type TranslationResultData,
  translateWorker,
} from '@tidings/queue';
import type { ConnectionOptions } from 'bullmq';

/**
 * Translate workers, for tests, whose jobs of a dying article stall: the processor never
 * returns and no lock is renewed, as when the worker holding a job is killed. BullMQ itself
 * then fails the job for stalling (after one stall, not six, to keep tests short), and, given
 * `report`, the workers report it as the real ones do (`reportStalledTooOften`). Other jobs
 * are "translated" at once (the title kept) and their result reported.
 *
 * @example
 * const { worker, stalledOut } = stallingWorkers({ connection, prefix, dies: (job) => job.data.articleId === id, report: send });
 * await worker.close(true);
 */
export function stallingWorkers(options: {
  readonly connection: ConnectionOptions;
  readonly prefix: string;
  readonly dies: (job: TranslateQueueJob) => boolean;
  /** Sends a result as a worker does; a failure for stalling is reported only with `stalled`. */
  readonly report: (result: TranslationResultData) => Promise<unknown>;
  /** Whether a job failed for stalling is reported (false: its worker died before it could). */
  readonly reportStalls?: boolean;
}): { worker: TranslateWorker; stalledOut: string[] } {
  const worker = translateWorker(
    { connection: options.connection, prefix: options.prefix },
    async (job) => {
      if (options.dies(job)) return new Promise<void>(() => undefined);
      const { articleId, revision, target, retry, content } = job.data;
      const now = new Date().toISOString();
      await options.report({
        kind: 'finished',
        articleId,
        revision,
        language: target,
        retry,
        outcome: 'published',
        model: 'test',
        content,
        startedAt: now,
        finishedAt: now,
      });
    },
    {
      concurrency: 10,
      lockDuration: 1_000,
      skipLockRenewal: true,
      stalledInterval: 250,
      maxStalledCount: 0,
    },
  );
  const stalledOut: string[] = [];
  worker.on('failed', (job, error) => {
    if (!job || error.message !== STALLED_TOO_OFTEN) return;
    stalledOut.push(job.id ?? '');
    if (options.reportStalls === false) return;
    const { articleId, revision, target, retry } = job.data;
    const now = new Date().toISOString();
    void options.report({
      kind: 'finished',
      articleId,
      revision,
      language: target,
      retry,
      outcome: 'failed',
      stalled: true,
      reason: 'its worker stopped 6 times while translating it (killed, or cut off from Redis)',
      startedAt: now,
      finishedAt: now,
    });
  });
  return { worker, stalledOut };
}
