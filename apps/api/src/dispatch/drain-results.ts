import type { Queue } from 'bullmq';

/**
 * Waits until the results queue holds no result waiting or being persisted, or `withinMs`
 * has passed (or Redis cannot say): results a worker handed back just before the API stops
 * are then published now, not at its next start.
 *
 * @example
 * await drainResults(resultsQueue, 15_000);
 */
export async function drainResults(
  queue: Pick<Queue, 'getJobCounts'>,
  withinMs: number,
): Promise<void> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    const counts = await Promise.race([
      queue.getJobCounts('waiting', 'active', 'prioritized').catch(() => undefined),
      new Promise<undefined>((resolve) =>
        setTimeout(() => resolve(undefined), Math.max(0, until - Date.now())),
      ),
    ]);
    if (counts === undefined) return;
    if ((counts.waiting ?? 0) + (counts.active ?? 0) + (counts.prioritized ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
