import type { ApiKey, Store } from '@tidings/store';
import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { DeskEnv } from './desk-env.ts';

/** The session cookie's name; it holds a key id and an expiry, never the key itself. */
export const DESK_SESSION_COOKIE = 'tidings_desk_session';

/** Where the desk's cookies are sent: the desk only, never the API or the site. */
export const DESK_COOKIE_PATH = '/desk';

/** How desk sessions are signed and how long they last. */
export interface DeskSessionOptions {
  /** HMAC secret of the signed cookies (`DESK_SESSION_SECRET`). */
  readonly secret: string;
  /** Session length in seconds (`DESK_SESSION_TTL`). */
  readonly ttlSeconds: number;
  /** Whether cookies are marked Secure: the public URL is https (a proxy may end TLS). */
  readonly secure: boolean;
}

/** The cookie options every desk cookie shares. */
export function deskCookieOptions(options: Pick<DeskSessionOptions, 'secure'>, maxAge?: number) {
  return {
    path: DESK_COOKIE_PATH,
    httpOnly: true,
    secure: options.secure,
    sameSite: 'Strict' as const,
    ...(maxAge === undefined ? {} : { maxAge }),
  };
}

/**
 * Starts a session for `key`: a signed cookie `keyId.expiresAtSeconds`, HttpOnly,
 * SameSite=Strict, Secure when the desk is served over https, expiring with the session.
 *
 * @example
 * await startDeskSession(c, found.key, options);
 */
export async function startDeskSession(
  c: Context,
  key: ApiKey,
  options: DeskSessionOptions,
): Promise<void> {
  const expires = Math.floor(Date.now() / 1000) + options.ttlSeconds;
  await setSignedCookie(
    c,
    DESK_SESSION_COOKIE,
    `${key.id}.${expires}`,
    options.secret,
    deskCookieOptions(options, options.ttlSeconds),
  );
}

/**
 * Ends the session in this browser (signing out).
 *
 * @example
 * endDeskSession(c, options);
 */
export function endDeskSession(c: Context, options: Pick<DeskSessionOptions, 'secure'>): void {
  deleteCookie(c, DESK_SESSION_COOKIE, deskCookieOptions(options));
}

/**
 * Reads the session cookie on every request and puts the session on the context
 * (`c.var.deskSession`, and its key as `c.var.key`), or `undefined`: a cookie that is forged,
 * expired, or whose key is unknown or revoked (checked in the store each time, so revoking a
 * key ends its sessions at once) is no session, and is deleted.
 *
 * @example
 * desk.use(loadDeskSession(store, options));
 */
export function loadDeskSession(store: Pick<Store, 'findKey'>, options: DeskSessionOptions) {
  return createMiddleware<DeskEnv>(async (c, next) => {
    c.set('deskSession', undefined);
    const value = await getSignedCookie(c, options.secret, DESK_SESSION_COOKIE);
    if (value !== undefined) {
      const [keyId = '', expires = ''] = value === false ? [] : value.split('.');
      const expiresAt = new Date(Number(expires) * 1000);
      const found =
        value !== false && expiresAt.getTime() > Date.now()
          ? await store.findKey(keyId)
          : undefined;
      if (found?.status === 'valid') {
        c.set('deskSession', { key: found.key, expiresAt });
        c.set('key', found.key);
      } else {
        endDeskSession(c, options);
      }
    }
    await next();
  });
}
