/**
 * The timings a translation worker derives from its lock duration (`WORKER_LOCK_DURATION_MS`),
 * in milliseconds.
 */
export interface WorkerTimings {
  /** How long a job's lock lasts without renewal. */
  readonly lockDurationMs: number;
  /** BullMQ's `lockRenewTime`: each lock is renewed about this often. */
  readonly lockRenewMs: number;
  /** BullMQ's `stalledInterval`: how often a stalled check runs, on every worker. */
  readonly stalledIntervalMs: number;
  /** How often a worker tells the registry it is alive. */
  readonly heartbeatMs: number;
  /** A worker unheard for this long is reported silent. */
  readonly silentAfterMs: number;
  /** Latest moment, after a worker went silent, at which its jobs are back in the queue. */
  readonly takeoverWithinMs: number;
}

/**
 * How stalled jobs are found, from BullMQ's `moveStalledJobsToWait`: each check first moves
 * the jobs that the previous check marked and whose lock has since run out, then marks every
 * active job; a lock renewal unmarks its job. A silent worker's last renewal was at most one
 * lock duration before its locks ran out, a check marks its jobs within one interval after
 * that renewal, and the first check after the locks ran out moves them. So the jobs are back
 * in the queue at most one lock duration plus one interval after the worker went silent: with
 * checks every quarter of a lock duration, 1¼ lock durations (BullMQ's defaults, a check per
 * lock duration, allow two). Locks are renewed every quarter too, so a renewal may be late by
 * more than half a lock duration before a live worker loses a job it is translating.
 *
 * @example
 * const t = workerTimings(30_000);
 * new Worker(TRANSLATE_QUEUE, processor, { lockDuration: t.lockDurationMs, lockRenewTime: t.lockRenewMs, stalledInterval: t.stalledIntervalMs });
 */
export function workerTimings(lockDurationMs: number): WorkerTimings {
  const quarter = Math.max(1, Math.floor(lockDurationMs / 4));
  // Heartbeats come as often as renewals, but at least every 5 s, so a worker with long locks
  // is still seen to fall silent within seconds; three missed ones make it silent.
  const heartbeatMs = Math.min(quarter, 5_000);
  return {
    lockDurationMs,
    lockRenewMs: quarter,
    stalledIntervalMs: quarter,
    heartbeatMs,
    silentAfterMs: 3 * heartbeatMs,
    takeoverWithinMs: lockDurationMs + quarter,
  };
}
