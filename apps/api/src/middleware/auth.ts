import type { ApiKeyRole, Store } from '@tidings/store';
import { createMiddleware } from 'hono/factory';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import type { ApiEnv } from '../env.ts';
import { ProblemError } from '../problem.ts';
import { assertRole } from './assert-role.ts';

const BEARER = /^Bearer\s+(\S+)$/i;
const TOKEN = /^tdg_[A-Za-z0-9_-]{43}$/;

/**
 * Requires `Authorization: Bearer <key>` with a valid, unrevoked key of one of `roles`:
 * none 401, malformed 400, unknown or revoked 401, wrong role 403. Admin keys pass every role.
 * With a limiter, each key gets its own budget of requests: over it, 429 with `Retry-After`.
 *
 * @example
 * app.post('/v1/articles', authenticate(store, ['publisher'], limiter), handler);
 */
export function authenticate(
  store: Pick<Store, 'lookupToken'>,
  roles: readonly ApiKeyRole[],
  limiter?: RateLimiterAbstract,
) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) {
      throw new ProblemError(
        'unauthorized',
        { key: 'api-key-missing' },
        {
          headers: { 'www-authenticate': 'Bearer' },
        },
      );
    }
    const token = BEARER.exec(header)?.[1];
    if (!token || !TOKEN.test(token)) {
      throw new ProblemError('bad-request', { key: 'api-key-malformed' });
    }
    const found = await store.lookupToken(token);
    if (found.status !== 'valid') {
      throw new ProblemError(
        'unauthorized',
        { key: found.status === 'revoked' ? 'api-key-revoked' : 'api-key-unknown' },
        { headers: { 'www-authenticate': 'Bearer error="invalid_token"' } },
      );
    }
    assertRole(found.key, roles);
    c.set('key', found.key);
    if (limiter) await consume(limiter, found.key.id);
    await next();
  });
}

async function consume(limiter: RateLimiterAbstract, keyId: string): Promise<void> {
  try {
    await limiter.consume(keyId);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new ProblemError(
      'rate-limited',
      {
        key: 'rate-limited',
        fields: { points: limiter.points, duration: limiter.duration, seconds },
      },
      { headers: { 'retry-after': String(seconds) } },
    );
  }
}
