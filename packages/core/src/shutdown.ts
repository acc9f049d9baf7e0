import type { Logger } from 'pino';

/**
 * Runs `stop` once on SIGINT or SIGTERM (or when the launcher's IPC channel closes), then exits: 0 when it finished, 1 when it threw or
 * took longer than `timeoutMs`. A second signal exits at once.
 *
 * @example
 * onShutdown(log, 30_000, async () => {
 *   await server.close();
 *   await store.close();
 * });
 */
export function onShutdown(logger: Logger, timeoutMs: number, stop: () => Promise<void>): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'stopping: finishing work in hand');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown took too long: exiting anyway');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    stop().then(
      () => {
        logger.info('stopped');
        logger.flush();
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        logger.flush();
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
  // Started by `npm start` with an IPC channel: when the launcher dies, even by SIGKILL, the
  // channel closes and this process stops too, so no orphan is left behind.
  if (process.send) process.once('disconnect', () => handle('SIGTERM'));
}
