import { createLogger } from '@tidings/core';
import { createRedisConnection, type WorkerAnnouncement, WorkerRegistry } from '@tidings/queue';
import { PrivateRedis } from '@tidings/queue/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerPresence } from './worker-presence.ts';

const logger = createLogger({ logLevel: 'silent', logFormat: 'json' }, 'test');
const HEARTBEAT_MS = 200;
let redis: PrivateRedis;
let url: string;
const connections: Redis[] = [];

const until = async (what: string, check: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

// A Redis of its own, which the test freezes (SIGSTOP): it stops answering while every socket
// stays open, as a link that silently loses every packet.
beforeAll(async () => {
  redis = await PrivateRedis.start();
  url = redis.url;
  const probe = createRedisConnection(url, 'worker');
  probe.on('error', () => undefined); // while the test freezes Redis
  connections.push(probe);
  await probe.ping();
});
afterAll(async () => {
  for (const c of connections) c.disconnect();
  await redis?.stop();
});

const me: WorkerAnnouncement = {
  id: 'host:1:abc',
  host: 'host',
  pid: 1,
  version: '0.1.0',
  startedAt: new Date().toISOString(),
  concurrency: 2,
  lockDurationMs: 800,
  heartbeatMs: HEARTBEAT_MS,
  silentAfterMs: 3 * HEARTBEAT_MS,
  models: [],
  jobs: [],
};

describe('WorkerPresence', () => {
  it('notices within two heartbeats that Redis stopped answering, and that it answers again', async () => {
    const connection = createRedisConnection(url, 'producer', {
      commandTimeout: HEARTBEAT_MS,
      socketTimeout: HEARTBEAT_MS,
    });
    connection.on('error', () => undefined);
    connections.push(connection);
    const events: { what: string; at: number }[] = [];
    const presence = new WorkerPresence({
      registry: new WorkerRegistry(connection, 'presence-test'),
      announcement: () => me,
      heartbeatMs: HEARTBEAT_MS,
      logger,
      onLost: () => events.push({ what: 'lost', at: Date.now() }),
      whileLost: () => events.push({ what: 'while', at: Date.now() }),
      onBack: () => events.push({ what: 'back', at: Date.now() }),
    });
    presence.start();
    await until('the first heartbeat', () => presence.linked);
    const observer = new WorkerRegistry(connections[0] as Redis, 'presence-test');
    expect((await observer.list()).map((w) => [w.id, w.state])).toEqual([[me.id, 'alive']]);

    const frozenAt = Date.now();
    redis.freeze();
    try {
      await until('the loss to be noticed', () => events.some((e) => e.what === 'lost'));
      expect((events[0]?.at ?? 0) - frozenAt).toBeLessThanOrEqual(2 * HEARTBEAT_MS + 500);
      await until('heartbeats while lost', () => events.some((e) => e.what === 'while'));
      expect(presence.linked).toBe(false);
    } finally {
      redis.thaw();
    }
    await until('the return to be noticed', () => events.some((e) => e.what === 'back'));
    expect(presence.linked).toBe(true);
    expect(events.filter((e) => e.what === 'lost')).toHaveLength(1);

    await presence.stop();
    expect(await observer.list()).toEqual([]);
  }, 30_000);
});
