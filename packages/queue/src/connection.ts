import { Redis, type RedisOptions } from 'ioredis';

/**
 * How a connection will be used, which decides how it behaves when Redis is away
 * (BullMQ's production guide):
 * - `worker`: waits for Redis to come back (`maxRetriesPerRequest: null`), so a worker
 *   survives a Redis restart.
 * - `producer`: fails fast (`enableOfflineQueue: false`), so an HTTP request that enqueues
 *   answers 503 instead of hanging.
 */
export type ConnectionRole = 'worker' | 'producer';

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
      ? { maxRetriesPerRequest: null }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 };
  return new Redis(url, {
    // Keep reconnecting with a capped delay; BullMQ needs the connection back by itself.
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    lazyConnect: false,
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
