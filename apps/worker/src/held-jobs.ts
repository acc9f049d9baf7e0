import type { HeldJob } from '@tidings/queue';

interface Held {
  readonly job: HeldJob;
  /** When its lock was last taken or renewed, by this process's clock. */
  renewedAt: number;
}

/** What a processor is given by BullMQ; only the job's id and payload are used here. */
type Processor<J extends { id?: string | undefined; data: HeldJobData }, R> = (
  job: J,
  token?: string,
  signal?: AbortSignal,
) => Promise<R>;

interface HeldJobData {
  readonly articleId: string;
  readonly revision: number;
  readonly target: HeldJob['language'];
}

/**
 * The jobs a worker holds, with when each lock was last renewed: what the worker's heartbeat
 * reports, and how it knows, cut off from Redis, which locks have surely run out.
 *
 * @example
 * const held = new HeldJobs();
 * new Worker(TRANSLATE_QUEUE, held.holding(processor), opts);
 * worker.on('locksRenewed', ({ jobIds }) => held.renewed(jobIds));
 */
export class HeldJobs {
  readonly #jobs = new Map<string, Held>();

  /** Wraps a processor so that every job it runs is held while it runs. */
  holding<J extends { id?: string | undefined; data: HeldJobData }, R>(
    processor: Processor<J, R>,
  ): Processor<J, R> {
    // Three parameters: BullMQ hands an abort signal only to processors that take one.
    return async (job, token, signal) => {
      const id = job.id ?? '';
      this.#jobs.set(id, {
        job: {
          id,
          articleId: job.data.articleId,
          revision: job.data.revision,
          language: job.data.target,
          since: new Date().toISOString(),
        },
        renewedAt: Date.now(),
      });
      try {
        return await processor(job, token, signal);
      } finally {
        this.#jobs.delete(id);
      }
    };
  }

  /** Records renewed locks (BullMQ's `locksRenewed` event). */
  renewed(ids: readonly string[], at = Date.now()): void {
    for (const id of ids) {
      const held = this.#jobs.get(id);
      if (held) held.renewedAt = at;
    }
  }

  /** Whether the job is held here now. */
  has(id: string): boolean {
    return this.#jobs.has(id);
  }

  /** The jobs held now, oldest first. */
  list(): HeldJob[] {
    return [...this.#jobs.values()].map((h) => h.job);
  }

  /** Jobs whose lock, last renewed more than `lockDurationMs` ago, has run out in Redis. */
  expired(lockDurationMs: number, now = Date.now()): string[] {
    return [...this.#jobs.entries()]
      .filter(([, h]) => now - h.renewedAt > lockDurationMs)
      .map(([id]) => id);
  }
}
