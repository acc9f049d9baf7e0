import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { DeskEnv } from './desk-env.ts';
import { type DeskSessionOptions, deskCookieOptions } from './desk-session.ts';

/** The cookie holding this browser's random CSRF secret. */
export const DESK_CSRF_COOKIE = 'tidings_desk_csrf';

/** The form field (or `X-CSRF-Token` header) every state-changing desk request carries. */
export const CSRF_FIELD = '_csrf';

/** Why a state-changing request was refused. */
export type CsrfRefusal = 'origin' | 'token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const tokenFor = (secret: string, browserSecret: string) =>
  createHmac('sha256', secret).update(`csrf:${browserSecret}`).digest('base64url');

/**
 * Gives this browser a new CSRF secret (and so a new token): on signing in and out, so a token
 * seen before signing in is worth nothing after.
 *
 * @example
 * renewCsrfToken(c, options);
 */
export function renewCsrfToken(c: Context<DeskEnv>, options: DeskSessionOptions): string {
  const browserSecret = randomBytes(32).toString('base64url');
  setCookie(c, DESK_CSRF_COOKIE, browserSecret, deskCookieOptions(options));
  const token = tokenFor(options.secret, browserSecret);
  c.set('csrfToken', token);
  return token;
}

function sameOrigin(c: Context, allowedOrigins: readonly string[]): boolean {
  const origin = c.req.header('origin');
  if (origin && origin !== 'null') {
    return origin === new URL(c.req.url).origin || allowedOrigins.includes(origin);
  }
  // A browser sends no Origin, or `null` (under `Referrer-Policy: no-referrer`, which the API
  // sets), on some same-origin posts; then Sec-Fetch-Site, which a page cannot forge, decides.
  return c.req.header('sec-fetch-site') === 'same-origin';
}

/**
 * CSRF protection for the desk, two ways at once: every request that changes something must
 * come from the desk's own origin (`Origin`, else `Sec-Fetch-Site`), and carry the token of
 * this browser (`_csrf` field or `X-CSRF-Token` header): an HMAC, under the server's secret,
 * of a random value kept in an HttpOnly SameSite=Strict cookie (OWASP's signed double-submit
 * cookie). Every request gets `c.var.csrfToken` to put in its forms; a refused one is answered
 * by `refuse`.
 *
 * @example
 * desk.use(deskCsrf(options, [publicOrigin], (c, why) => c.html(refusedPage(c, why), 403)));
 */
export function deskCsrf(
  options: DeskSessionOptions,
  allowedOrigins: readonly string[],
  refuse: (c: Context<DeskEnv>, why: CsrfRefusal) => Response | Promise<Response>,
) {
  return createMiddleware<DeskEnv>(async (c, next) => {
    const browserSecret = getCookie(c, DESK_CSRF_COOKIE);
    if (SAFE_METHODS.has(c.req.method)) {
      if (browserSecret) c.set('csrfToken', tokenFor(options.secret, browserSecret));
      else renewCsrfToken(c, options);
      return next();
    }
    // The refusal page's own forms (sign out, language) carry this browser's real token, if it
    // sent its cookie; a new one is never set here, which would void the tokens of its open tabs.
    c.set('csrfToken', browserSecret ? tokenFor(options.secret, browserSecret) : '');
    if (!sameOrigin(c, allowedOrigins)) return refuse(c, 'origin');
    if (!browserSecret) return refuse(c, 'token');
    const expected = Buffer.from(tokenFor(options.secret, browserSecret));
    const sent = Buffer.from(c.req.header('x-csrf-token') ?? (await formField(c)) ?? '');
    if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
      return refuse(c, 'token');
    }
    c.set('csrfToken', expected.toString());
    return next();
  });
}

async function formField(c: Context): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return undefined;
  const body = await c.req.parseBody();
  const value = body[CSRF_FIELD];
  return typeof value === 'string' ? value : undefined;
}
