import type { WorkerRegistry } from '@tidings/queue';
import type { Store } from '@tidings/store';
import { Hono } from 'hono';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ApiEnv } from '../env.ts';
import { authenticate } from '../middleware/auth.ts';
import { ProblemError } from '../problem.ts';

/**
 * `GET /v1/workers`, for admin keys: every worker heard from in the last hour, alive or
 * silent, with its host, pid, version, models, the jobs it holds (or held when it fell
 * silent) and how long ago it was last heard, by Redis's clock.
 *
 * @example
 * app.route('/v1/workers', workerRoutes(store, registry));
 */
export function workerRoutes(
  store: Pick<Store, 'lookupToken'>,
  registry: Pick<WorkerRegistry, 'list'>,
  limiter?: RateLimiterAbstract,
): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.get('/', authenticate(store, ['admin'], limiter), async (c) => {
    const workers = await registry.list().catch((error: unknown) => {
      throw new ProblemError('unavailable', {
        key: 'workers-unavailable',
        fields: { error: (error as Error).message },
      });
    });
    const alive = workers.filter((w) => w.state === 'alive').length;
    return c.json({ alive, silent: workers.length - alive, workers });
  });
  return app;
}
