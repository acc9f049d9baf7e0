import { LANGUAGE_CODES, type LanguageCode } from '@tidings/core';
import type { Redis } from 'ioredis';
import { z } from 'zod';

/** A job a worker holds, as it reports it. */
export interface HeldJob {
  readonly id: string;
  readonly articleId: string;
  readonly revision: number;
  readonly language: LanguageCode;
  /** When the worker took it (ISO 8601). */
  readonly since: string;
}

/** What a worker says about itself with every heartbeat. */
export interface WorkerAnnouncement {
  /** Unique per process: `host:pid:random`; also its BullMQ worker name. */
  readonly id: string;
  readonly host: string;
  readonly pid: number;
  /** The Tidings version it runs. */
  readonly version: string;
  readonly startedAt: string;
  readonly concurrency: number;
  readonly lockDurationMs: number;
  readonly heartbeatMs: number;
  /** Unheard for this long, it is reported silent (its own setting: workers may differ). */
  readonly silentAfterMs: number;
  /** Models its translation engine has loaded. */
  readonly models: readonly string[];
  readonly jobs: readonly HeldJob[];
}

/** A worker as the registry sees it: what it last said, and how long ago, by Redis's clock. */
export interface WorkerStatus extends WorkerAnnouncement {
  readonly state: 'alive' | 'silent';
  readonly lastSeenAt: string;
  readonly lastSeenAgoMs: number;
}

const announcementSchema = z.object({
  id: z.string().min(1),
  host: z.string(),
  pid: z.number().int(),
  version: z.string(),
  startedAt: z.string(),
  concurrency: z.number().int(),
  lockDurationMs: z.number().int(),
  heartbeatMs: z.number().int(),
  silentAfterMs: z.number().int(),
  models: z.array(z.string()),
  jobs: z.array(
    z.object({
      id: z.string(),
      articleId: z.string(),
      revision: z.number().int(),
      language: z.enum(LANGUAGE_CODES),
      since: z.string(),
    }),
  ),
});

// Time comes from Redis, not from each machine's clock, so a worker whose clock is off is
// neither silent nor alive by mistake.
const NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;
const ANNOUNCE = `${NOW}
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], now, ARGV[1])
return now`;
const WITHDRAW = `redis.call('HDEL', KEYS[1], ARGV[1]) return redis.call('ZREM', KEYS[2], ARGV[1])`;
const LIST = `${NOW}
local old = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now - tonumber(ARGV[1]))
for _, id in ipairs(old) do
  redis.call('HDEL', KEYS[1], id)
  redis.call('ZREM', KEYS[2], id)
end
return {now, redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES'), redis.call('HGETALL', KEYS[1])}`;

/** How long a silent worker stays listed before it is forgotten. */
export const FORGET_SILENT_WORKERS_AFTER_MS = 3_600_000;

/**
 * The workers of an installation, in Redis under `<QUEUE_PREFIX>:workers` (a hash of what each
 * said last) and `<QUEUE_PREFIX>:workers:seen` (when, by Redis's clock). A worker announces
 * itself with every heartbeat and withdraws when it stops cleanly; one that misses heartbeats
 * is listed as silent, with the jobs it held, for an hour.
 *
 * @example
 * const registry = new WorkerRegistry(redis, 'tidings');
 * await registry.announce(me);
 * for (const w of await registry.list()) console.log(w.id, w.state);
 */
export class WorkerRegistry {
  readonly #redis: Redis;
  readonly #keys: [string, string];

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.#keys = [`${prefix}:workers`, `${prefix}:workers:seen`];
  }

  /** Records a heartbeat with what the worker is doing. */
  async announce(worker: WorkerAnnouncement): Promise<void> {
    await this.#redis.eval(ANNOUNCE, 2, ...this.#keys, worker.id, JSON.stringify(worker));
  }

  /** Removes a worker that stopped cleanly. */
  async withdraw(id: string): Promise<void> {
    await this.#redis.eval(WITHDRAW, 2, ...this.#keys, id);
  }

  /** Every worker heard from in the last hour, alive ones first, each with its state. */
  async list(): Promise<WorkerStatus[]> {
    const [now, seen, info] = (await this.#redis.eval(
      LIST,
      2,
      ...this.#keys,
      FORGET_SILENT_WORKERS_AFTER_MS,
    )) as [number, string[], string[]];
    const said = new Map<string, string>();
    for (let i = 0; i + 1 < info.length; i += 2) said.set(info[i] ?? '', info[i + 1] ?? '');
    const workers: WorkerStatus[] = [];
    for (let i = 0; i + 1 < seen.length; i += 2) {
      const parsed = announcementSchema.safeParse(parseJson(said.get(seen[i] ?? '')));
      // An entry written by some other program, or another version, is not shown as a worker.
      if (!parsed.success) continue;
      const lastSeen = Number(seen[i + 1]);
      const ago = Math.max(0, now - lastSeen);
      workers.push({
        ...parsed.data,
        state: ago > parsed.data.silentAfterMs ? 'silent' : 'alive',
        lastSeenAt: new Date(lastSeen).toISOString(),
        lastSeenAgoMs: ago,
      });
    }
    return workers.sort(
      (a, b) =>
        Number(a.state === 'silent') - Number(b.state === 'silent') || a.id.localeCompare(b.id),
    );
  }
}

function parseJson(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}
