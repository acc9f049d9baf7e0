import type { Logger } from '@tidings/core';
import type { WorkerAnnouncement, WorkerRegistry } from '@tidings/queue';

/** What {@link WorkerPresence} needs. */
export interface WorkerPresenceOptions {
  /** A registry over a connection that fails fast and waits at most one heartbeat per command. */
  readonly registry: Pick<WorkerRegistry, 'announce' | 'withdraw'>;
  /** What the worker is doing now; called for every heartbeat. */
  readonly announcement: () => WorkerAnnouncement;
  readonly heartbeatMs: number;
  readonly logger: Logger;
  /** The link to Redis was lost (a heartbeat failed after one had succeeded). */
  readonly onLost?: () => void;
  /** Called at every heartbeat while the link is lost. */
  readonly whileLost?: () => void;
  /** The link is back (a heartbeat succeeded again). */
  readonly onBack?: () => void;
}

/**
 * A worker's heartbeat: announces the worker in the registry every `heartbeatMs`, and is how
 * the worker notices that its link to Redis is gone, and back. BullMQ's own connections wait
 * for Redis as long as it takes; this one does not wait longer than a heartbeat, so the loss is
 * known (and said once) within two heartbeats of it, whatever the kernel thinks of the socket.
 *
 * @example
 * const presence = new WorkerPresence({ registry, announcement, heartbeatMs: 5_000, logger });
 * presence.start();
 * await presence.stop();
 */
export class WorkerPresence {
  readonly #options: WorkerPresenceOptions;
  #timer: NodeJS.Timeout | undefined;
  #beating: Promise<void> | undefined;
  /** `undefined` until the first heartbeat succeeds. */
  #linked: boolean | undefined;
  #lostAt = 0;
  #stopped = false;

  constructor(options: WorkerPresenceOptions) {
    this.#options = options;
  }

  /** Whether the last heartbeat reached Redis. */
  get linked(): boolean {
    return this.#linked === true;
  }

  /** Sends a heartbeat now and then every `heartbeatMs`. */
  start(): void {
    const tick = () => {
      this.#beating = this.#beat().finally(() => {
        if (!this.#stopped) this.#timer = setTimeout(tick, this.#options.heartbeatMs);
      });
    };
    tick();
  }

  /** Stops the heartbeat and leaves the registry (a worker that stops cleanly is not silent). */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#beating;
    const { id } = this.#options.announcement();
    await this.#options.registry
      .withdraw(id)
      .catch((error: unknown) =>
        this.#options.logger.warn({ err: error }, 'could not leave the worker registry'),
      );
  }

  async #beat(): Promise<void> {
    const { registry, announcement, logger } = this.#options;
    try {
      await registry.announce(announcement());
    } catch (error) {
      if (this.#linked === true) {
        this.#linked = false;
        this.#lostAt = Date.now();
        logger.warn(
          { err: error },
          'lost the link to Redis: taking no new jobs, and giving up those whose locks run out, until it is back',
        );
        this.#options.onLost?.();
      }
      if (this.#linked === false) this.#options.whileLost?.();
      return;
    }
    if (this.#linked === false) {
      const seconds = Math.round((Date.now() - this.#lostAt) / 100) / 10;
      logger.info(
        { downMs: Date.now() - this.#lostAt },
        `the link to Redis is back after ${seconds} s`,
      );
      this.#options.onBack?.();
    } else if (this.#linked === undefined) {
      logger.debug({ id: announcement().id }, 'announced in the worker registry');
    }
    this.#linked = true;
  }
}
