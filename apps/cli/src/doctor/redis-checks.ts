import type { Config } from '@tidings/core';
import { createRedisConnection, inspectRedisSettings, whenReady } from '@tidings/queue';
import type { Check } from './check.ts';

const redacted = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');

// The hosts for which `npm start` runs a private Redis when nothing answers at REDIS_URL.
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * Checks Redis: that it answers, that it never evicts keys (BullMQ needs
 * `maxmemory-policy noeviction`), and that it persists what it holds (`appendonly` or `save`).
 * When nothing answers at a REDIS_URL on this machine, it looks where `npm start` runs its
 * private Redis in that case (127.0.0.1:REDIS_PRIVATE_PORT), as `npm start` does, and checks
 * that one: `redisUrl` is the Redis checked, for the checks that read it next (the workers).
 *
 * @example
 * const { checks, redisUrl } = await redisChecks(config);
 */
export async function redisChecks(
  config: Pick<Config, 'redisUrl' | 'redisPrivatePort'>,
): Promise<{ checks: Check[]; redisUrl: string }> {
  const checks = await redisChecksAt(config.redisUrl);
  if (checks[0]?.status !== 'fail' || !LOCAL_HOSTS.has(new URL(config.redisUrl).hostname)) {
    return { checks, redisUrl: config.redisUrl };
  }
  const privateUrl = `redis://127.0.0.1:${config.redisPrivatePort}`;
  if (privateUrl === config.redisUrl) return { checks, redisUrl: config.redisUrl };
  const [answer, ...settings] = await redisChecksAt(privateUrl);
  if (answer?.status === 'fail') return { checks, redisUrl: config.redisUrl };
  return {
    checks: [
      {
        name: 'Redis',
        status: 'ok',
        detail: `nothing answers at ${redacted(config.redisUrl)}; the private Redis npm start runs then answers at ${privateUrl} (REDIS_PRIVATE_PORT)`,
      },
      ...settings,
    ],
    redisUrl: privateUrl,
  };
}

async function redisChecksAt(redisUrl: string): Promise<Check[]> {
  const where = redacted(redisUrl);
  const redis = createRedisConnection(redisUrl, 'producer', {
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
