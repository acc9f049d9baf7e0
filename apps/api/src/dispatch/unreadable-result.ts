import { LANGUAGE_CODES, type Logger } from '@tidings/core';
import type { ResultsQueueJob } from '@tidings/queue';
import { NotFoundError, type Store } from '@tidings/store';
import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';

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
export async function unreadableResult(
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
