import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { redisChecks } from './redis-checks.ts';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisPort = Number(new URL(redisUrl).port || 6379);

/** A port on this machine where nothing listens. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('doctor: the Redis checks', () => {
  it('checks the private Redis npm start runs when nothing answers at a local REDIS_URL', async () => {
    // The test Redis stands for npm start's private one (REDIS_PRIVATE_PORT); REDIS_URL is a
    // local port where nothing answers, as on a machine without Redis installed.
    const nothing = `redis://127.0.0.1:${await freePort()}`;
    const { checks, redisUrl: checked } = await redisChecks({
      redisUrl: nothing,
      redisPrivatePort: redisPort,
    });
    // Before, doctor said "nothing answers" (fix: "`npm start` runs a private Redis") while the
    // service ran on that private Redis, and failed the Workers check for want of Redis.
    expect(checks[0]).toEqual({
      name: 'Redis',
      status: 'ok',
      detail: `nothing answers at ${nothing}; the private Redis npm start runs then answers at redis://127.0.0.1:${redisPort} (REDIS_PRIVATE_PORT)`,
    });
    expect(checks.map((c) => c.name)).toContain('Redis eviction');
    expect(checked).toBe(`redis://127.0.0.1:${redisPort}`);
  });

  it('fails when nothing answers at REDIS_URL nor at the private port', async () => {
    const nothing = `redis://127.0.0.1:${await freePort()}`;
    const { checks, redisUrl: checked } = await redisChecks({
      redisUrl: nothing,
      redisPrivatePort: await freePort(),
    });
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ name: 'Redis', status: 'fail' });
    expect(checks[0]?.detail).toMatch(new RegExp(`^nothing answers at ${nothing} `));
    expect(checked).toBe(nothing);
  });

  it('checks REDIS_URL itself when it answers', async () => {
    const { checks, redisUrl: checked } = await redisChecks({
      redisUrl,
      redisPrivatePort: await freePort(),
    });
    expect(checks[0]).toEqual({ name: 'Redis', status: 'ok', detail: `${redisUrl} answers` });
    expect(checked).toBe(redisUrl);
  });
});
