import type { Redis } from 'ioredis';

/** What Tidings needs of a Redis server, and what this one does instead. */
export interface RedisSettingsReport {
  readonly maxmemoryPolicy: string | undefined;
  readonly appendonly: string | undefined;
  readonly save: string | undefined;
  /** Why the settings could not be read (CONFIG refused), when they could not. */
  readonly readError?: string | undefined;
  /** One sentence per problem, each saying how to fix it; empty when all is well. */
  readonly problems: readonly string[];
}

async function configGet(redis: Redis, name: string): Promise<string | undefined> {
  const reply = (await redis.call('CONFIG', 'GET', name)) as string[];
  return reply[1];
}

/**
 * Reads the settings that decide whether Redis can lose Tidings' work: an eviction policy
 * other than `noeviction` silently drops queued jobs under memory pressure, and a Redis that
 * persists nothing loses every queue on restart (the store's outbox then has to re-enqueue).
 * A server that refuses CONFIG (managed Redis) is reported as such, not as broken.
 *
 * @example
 * const { problems } = await inspectRedisSettings(redis);
 * for (const p of problems) logger.warn(p);
 */
export async function inspectRedisSettings(redis: Redis): Promise<RedisSettingsReport> {
  let maxmemoryPolicy: string | undefined;
  let appendonly: string | undefined;
  let save: string | undefined;
  try {
    maxmemoryPolicy = await configGet(redis, 'maxmemory-policy');
    appendonly = await configGet(redis, 'appendonly');
    save = await configGet(redis, 'save');
  } catch (error) {
    return {
      maxmemoryPolicy,
      appendonly,
      save,
      readError: (error as Error).message,
      problems: [
        `Redis refuses CONFIG GET (${(error as Error).message}); make sure it runs with maxmemory-policy noeviction and persistence on.`,
      ],
    };
  }
  const problems: string[] = [];
  if (maxmemoryPolicy !== 'noeviction') {
    problems.push(
      `Redis maxmemory-policy is ${maxmemoryPolicy ?? 'unknown'}: under memory pressure it would drop queued jobs. Set it to noeviction (CONFIG SET maxmemory-policy noeviction, and in redis.conf).`,
    );
  }
  if (appendonly !== 'yes' && !save) {
    problems.push(
      'Redis persists nothing (appendonly no, save ""): a restart loses every queued job until the reconciler re-enqueues them from the store. Turn on appendonly yes.',
    );
  }
  return { maxmemoryPolicy, appendonly, save, problems };
}
