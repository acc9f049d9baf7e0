import type { Config } from '@tidings/core';
import { createRedisConnection, inspectRedisSettings, whenReady } from '@tidings/queue';
import type { Check } from './check.ts';

const redacted = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');

/**
 * Checks Redis: that it answers, that it never evicts keys (BullMQ needs
 * `maxmemory-policy noeviction`), and that it persists what it holds (`appendonly` or `save`).
 *
 * @example
 * const checks = await redisChecks(config);
 */
export async function redisChecks(config: Pick<Config, 'redisUrl'>): Promise<Check[]> {
  const where = redacted(config.redisUrl);
  const redis = createRedisConnection(config.redisUrl, 'producer', {
    retryStrategy: () => null,
    lazyConnect: true,
  });
  // ioredis reports why a connection failed here; the rejected command only says "closed".
  let lastError: Error | undefined;
  redis.on('error', (error: Error) => {
    lastError = error;
  });
  try {
    try {
      await redis.connect();
      await whenReady(redis, 3_000);
      await redis.ping();
    } catch (error) {
      return [
        {
          name: 'Redis',
          status: 'fail',
          detail: `nothing answers at ${where} (${(lastError ?? (error as Error)).message})`,
          fix: '`npm start` runs a private Redis when none answers; or start redis-server, or set REDIS_URL to yours',
        },
      ];
    }
    const checks: Check[] = [{ name: 'Redis', status: 'ok', detail: `${where} answers` }];
    const settings = await inspectRedisSettings(redis);
    if (settings.readError !== undefined) {
      checks.push({
        name: 'Redis settings',
        status: 'warn',
        detail: `cannot read them (CONFIG GET refused: ${settings.readError})`,
        fix: 'make sure the server runs with maxmemory-policy noeviction and with appendonly yes (or save) on',
      });
      return checks;
    }
    const { maxmemoryPolicy: policy, appendonly, save } = settings;
    checks.push(
      policy === 'noeviction'
        ? { name: 'Redis eviction', status: 'ok', detail: 'maxmemory-policy is noeviction' }
        : {
            name: 'Redis eviction',
            status: 'fail',
            detail: `maxmemory-policy is ${policy ?? 'unknown'}: Redis may drop queued jobs when memory runs short`,
            fix: 'redis-cli CONFIG SET maxmemory-policy noeviction, and put "maxmemory-policy noeviction" in redis.conf',
          },
    );
    const persistent = appendonly === 'yes' || Boolean(save?.trim());
    checks.push(
      persistent
        ? {
            name: 'Redis persistence',
            status: 'ok',
            detail: appendonly === 'yes' ? 'append-only file on' : `snapshots on (save ${save})`,
          }
        : {
            name: 'Redis persistence',
            status: 'warn',
            detail:
              'off: a Redis restart loses queued jobs and the translation memory (the API re-enqueues jobs, slowly)',
            fix: 'redis-cli CONFIG SET appendonly yes, and put "appendonly yes" in redis.conf',
          },
    );
    return checks;
  } finally {
    redis.disconnect();
  }
}
