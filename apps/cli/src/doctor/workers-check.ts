import type { Config } from '@tidings/core';
import {
  createRedisConnection,
  WorkerRegistry,
  type WorkerStatus,
  whenReady,
} from '@tidings/queue';
import { formatDuration } from '../output/format-units.ts';
import type { Check } from './check.ts';

const where = (w: WorkerStatus) => `${w.host} pid ${w.pid}`;

/**
 * Checks the workers, from the registry in Redis under `QUEUE_PREFIX` (the one in doctor's
 * environment, said when no worker is found there): at least one alive (else nothing gets
 * translated), and none silent (a worker that stopped answering without leaving: killed, or
 * cut off from Redis), naming the jobs a silent worker held.
 *
 * @example
 * const check = await workersCheck(config);
 */
export async function workersCheck(
  config: Pick<Config, 'redisUrl' | 'queuePrefix'>,
): Promise<Check> {
  const redis = createRedisConnection(config.redisUrl, 'producer', {
    retryStrategy: () => null,
    lazyConnect: true,
  });
  redis.on('error', () => undefined); // the Redis check says why
  let workers: WorkerStatus[];
  try {
    await redis.connect();
    await whenReady(redis, 3_000);
    workers = await new WorkerRegistry(redis, config.queuePrefix).list();
  } catch {
    return {
      name: 'Workers',
      status: 'fail',
      detail: 'cannot be read: Redis does not answer',
      fix: 'see the Redis check',
    };
  } finally {
    redis.disconnect();
  }
  const alive = workers.filter((w) => w.state === 'alive');
  const silent = workers.filter((w) => w.state === 'silent');
  if (alive.length === 0) {
    // Workers are found by the QUEUE_PREFIX in doctor's own environment: said, so that a
    // service run with another prefix is not taken for one without workers.
    return {
      name: 'Workers',
      status: 'fail',
      detail:
        silent.length === 0
          ? `none has been heard from in the last hour under QUEUE_PREFIX=${config.queuePrefix}: articles wait in the queue untranslated`
          : `none alive; ${silent.length} silent: articles wait in the queue untranslated`,
      fix: "start one with `npm run worker` (or `tidings worker`) on a machine that reaches Redis and has the models; if `tidings workers` lists one, run doctor with the service's QUEUE_PREFIX and REDIS_URL",
    };
  }
  const aliveLine = `${alive.length} alive (${alive.map(where).join(', ')})`;
  if (silent.length === 0) return { name: 'Workers', status: 'ok', detail: aliveLine };
  const silentLines = silent.map(
    (w) =>
      `${where(w)} silent for ${formatDuration(w.lastSeenAgoMs)}` +
      (w.jobs.length > 0 ? `, held ${w.jobs.map((j) => j.id).join(', ')}` : ''),
  );
  return {
    name: 'Workers',
    status: 'warn',
    detail: `${aliveLine}; ${silent.length} silent: ${silentLines.join('; ')}`,
    fix: 'a silent worker was killed or lost its link to Redis; its jobs go to the others once their locks run out. Check its machine and its log; it is forgotten an hour after it was last heard',
  };
}
