import type { EventEmitter } from 'node:events';
import type { Logger } from '@tidings/core';

/**
 * Listens for `error` on a Redis client, queue or worker, so that no error goes unhandled
 * (BullMQ prints an unhandled one to stderr as a raw stack trace, whatever LOG_FORMAT says),
 * and logs an outage once: an error at warn, the same error again (each reconnection attempt)
 * at debug, and the return (`ready`) at info. Errors that `ignore` accepts are left to another
 * listener that says what they mean.
 *
 * @example
 * logConnectionErrors(queue, logger, 'translate queue');
 */
export function logConnectionErrors(
  emitter: EventEmitter,
  logger: Logger,
  what: string,
  options: { ignore?: (error: Error) => boolean } = {},
): void {
  let last = '';
  emitter.on('error', (error: Error) => {
    if (options.ignore?.(error)) return;
    if (error.message === last) {
      logger.debug({ err: error, what }, `${what}: still failing`);
      return;
    }
    last = error.message;
    logger.warn({ err: error, what }, `${what}: ${error.message}; retrying`);
  });
  emitter.on('ready', () => {
    if (!last) return;
    last = '';
    logger.info({ what }, `${what}: connected again`);
  });
}
