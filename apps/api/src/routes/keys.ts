import { storableText } from '@tidings/core';
import type { ApiKey, Store } from '@tidings/store';
import { Hono } from 'hono';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { z } from 'zod';
import type { ApiEnv } from '../env.ts';
import { authenticate } from '../middleware/auth.ts';
import { readJson } from '../middleware/json-body.ts';

/** What `POST /v1/keys` takes. */
export const createKeySchema = z
  .object({
    name: storableText(z.string().trim().min(1, 'name-required').max(100)),
    role: z.enum(['publisher', 'editor', 'admin'], { error: 'role' }),
  })
  .strict();

const keyView = (key: ApiKey) => ({
  id: key.id,
  name: key.name,
  role: key.role,
  createdAt: key.createdAt.toISOString(),
  revokedAt: key.revokedAt?.toISOString() ?? null,
});

/**
 * `/v1/keys`, for admin keys only: make a key (its token is shown once), list, revoke.
 *
 * @example
 * app.route('/v1/keys', keyRoutes(store));
 */
export function keyRoutes(store: Store, limiter?: RateLimiterAbstract): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const admin = authenticate(store, ['admin'], limiter);
  app.post('/', admin, async (c) => {
    const input = await readJson(c, createKeySchema);
    const created = await store.createKey(input);
    return c.json(
      { id: created.id, name: input.name, role: input.role, token: created.token },
      201,
    );
  });
  app.get('/', admin, async (c) => c.json({ keys: (await store.listKeys()).map(keyView) }));
  app.delete('/:id', admin, async (c) => c.json(keyView(await store.revokeKey(c.req.param('id')))));
  return app;
}
