// A Redis connection: how one is opened for its role, when it is ready, where a queue lives on
// it, and how its outages are logged.
import type { EventEmitter } from 'node:events';
import type { Logger } from '@tidings/core';
import type { ConnectionOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';

/**
 * How a connection will be used, which decides how it behaves when Redis is away
 * (BullMQ's production guide):
 * - `worker`: waits for Redis to come back (`maxRetriesPerRequest: null`), so a worker
 *   survives a Redis restart; a link that silently stops carrying packets is given up within
 *   {@link WORKER_SOCKET_TIMEOUT_MS} and dialled again.
 * - `producer`: fails fast (`enableOfflineQueue: false`), so an HTTP request that enqueues
 *   answers 503 instead of hanging.
 */
export type ConnectionRole = 'worker' | 'producer';

/**
 * How long a worker connection waits for any reply to the commands it has sent before it
 * drops the socket and connects again (ioredis `socketTimeout`; the commands are sent again).
 * Without it, a link that loses every packet while both ends stay up is noticed only by the
 * kernel's retransmission timer, minutes later, and comes back late after it heals. BullMQ
 * duplicates a worker's connection for its blocking `BZPOPMIN`, which waits at most 10 s for a
 * reply (its longest block) before its own watchdog steps in: this must be longer than that.
 * A bounded wait per command (`commandTimeout`) would instead fail those blocking reads early
 * and leave the dead socket in place.
 */
export const WORKER_SOCKET_TIMEOUT_MS = 15_000;

/**
 * Opens an ioredis connection for BullMQ or the translation memory.
 *
 * @example
 * const redis = createRedisConnection('redis://127.0.0.1:6379', 'worker');
 * await redis.ping(); // 'PONG'
 */
export function createRedisConnection(
  url: string,
  role: ConnectionRole,
  options: RedisOptions = {},
): Redis {
  const roleOptions: RedisOptions =
    role === 'worker'
      ? {
          maxRetriesPerRequest: null,
          socketTimeout: WORKER_SOCKET_TIMEOUT_MS,
          // A connection attempt into a dead link is abandoned and retried soon, so one made
          // after the link heals is never far off.
          connectTimeout: 5_000,
        }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 };
  return new Redis(url, {
    // Keep reconnecting with a capped delay; BullMQ needs the connection back by itself.
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    lazyConnect: false,
    // TCP keepalive probes an idle connection, so a peer gone for good is noticed even when
    // nothing is sent, and middleboxes do not drop a quiet connection.
    keepAlive: 10_000,
    ...roleOptions,
    ...options,
  });
}

/**
 * Resolves once the connection is ready, or rejects after `timeoutMs`: a fail-fast producer
 * refuses commands until then.
 *
 * @example
 * const redis = createRedisConnection(url, 'producer');
 * await whenReady(redis);
 */
export function whenReady(redis: Redis, timeoutMs = 5_000): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(new Error(`Redis did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', onReady);
  });
}

/** Where a queue lives: its Redis connection and key prefix (`QUEUE_PREFIX`). */
export interface QueuePlace {
  readonly connection: ConnectionOptions;
  readonly prefix: string;
}

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
