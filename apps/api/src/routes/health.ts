import { Hono } from 'hono';

/** A dependency `/readyz` checks: it resolves when reachable and throws when not. */
export interface ReadinessCheck {
  readonly name: string;
  readonly check: () => Promise<void>;
}

const withTimeout = (p: Promise<void>, ms: number) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref(),
    ),
  ]);

/**
 * `GET /healthz` (the process is alive) and `GET /readyz` (every dependency answers; which
 * one failed, and why, when one does not).
 *
 * @example
 * app.route('/', healthRoutes([{ name: 'redis', check: async () => { await redis.ping(); } }]));
 */
export function healthRoutes(checks: readonly ReadinessCheck[], timeoutMs = 2_000): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const results = await Promise.all(
      checks.map(async ({ name, check }) => {
        try {
          await withTimeout(check(), timeoutMs);
          return [name, { status: 'ok' }] as const;
        } catch (error) {
          return [name, { status: 'failing', error: (error as Error).message }] as const;
        }
      }),
    );
    const ready = results.every(([, r]) => r.status === 'ok');
    return c.json(
      { status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results) },
      ready ? 200 : 503,
    );
  });
  return app;
}
