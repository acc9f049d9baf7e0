import { DelayedError } from 'bullmq';

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
