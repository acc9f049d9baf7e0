import type { ApiKey, ApiKeyRole, Store } from '@tidings/store';
import { createMiddleware } from 'hono/factory';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import type { ApiEnv } from '../env.ts';
import { ProblemError } from '../problem.ts';

// Who may call the API: a valid, unrevoked key (`authenticate`, with its rate limit), of a role
// that may do what is asked (`assertRole`, `roleAllows`).

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

/**
 * Whether a key of this role may do what `roles` may: admin keys pass every role.
 *
 * @example
 * roleAllows('admin', ['editor']); // true
 */
export const roleAllows = (role: ApiKeyRole, roles: readonly ApiKeyRole[]): boolean =>
  role === 'admin' || roles.includes(role);

/**
 * Refuses (403 `forbidden`, naming the key's role and the roles that may) a key whose role
 * may not do this; admin keys pass every role. `authenticate` and the article commands both
 * refuse with it.
 *
 * @example
 * assertRole(c.var.key, ['editor']);
 */
export function assertRole(key: ApiKey, roles: readonly ApiKeyRole[]): void {
  if (!roleAllows(key.role, roles)) {
    throw new ProblemError('forbidden', {
      key: 'role-forbidden',
      fields: { role: key.role, roles },
    });
  }
}
