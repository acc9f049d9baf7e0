import type { HeldJobs } from './held-jobs.ts';

/** What the policy does to a BullMQ worker (a `Worker` has all three). */
export interface PausableWorker {
  pause(doNotWaitActive?: boolean): Promise<void>;
  resume(): void;
  cancelJob(jobId: string, reason?: string): boolean;
}

/** Why a job is given up while the link is down; the processor logs it. */
export const EXPIRED_WHILE_CUT_OFF = 'its lock ran out while Redis was out of reach';

/**
 * What a worker does while its link to Redis is down, as {@link WorkerPresence} reports it:
 * it takes no new jobs (paused at once, without waiting for the jobs in hand), it gives up the
 * jobs whose locks have surely run out (another worker is taking them over, so translating on
 * would be for nothing), and it takes jobs again once the link is back.
 *
 * @example
 * new WorkerPresence({ ...options, ...cutOffPolicy(worker, held, timings.lockDurationMs) });
 */
export function cutOffPolicy(
  worker: PausableWorker,
  held: Pick<HeldJobs, 'expired'>,
  lockDurationMs: number,
): { onLost(): void; whileLost(): void; onBack(): void } {
  return {
    onLost: () => void worker.pause(true),
    whileLost: () => {
      for (const jobId of held.expired(lockDurationMs)) {
        worker.cancelJob(jobId, EXPIRED_WHILE_CUT_OFF);
      }
    },
    onBack: () => worker.resume(),
  };
}
