import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Store } from '@tidings/store';
import type { Queue } from 'bullmq';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { timeout } from 'hono/timeout';
import { trimTrailingSlash } from 'hono/trailing-slash';
import { ProblemError } from '../problem.ts';

const BASE = '/admin/queues';

/**
 * How long one of the dashboard's calls (`/admin/queues/api/…`, which read Redis) waits before
 * it answers 503: a Redis that hangs, or a link that loses every packet, would otherwise leave
 * the operator's page loading for ever, when it matters most. Longer than `/readyz`'s and
 * `/metrics`' 2 s, as a page of jobs on a busy queue takes a few round trips.
 */
export const DASHBOARD_REDIS_WAIT_MS = 5_000;

/**
 * The dashboard loads everything from this origin: bull-board's own page asks Google Fonts for
 * its typeface, which a server without network cannot reach and which would tell a third party
 * who opens the dashboard (its CSS falls back to the system's sans-serif and monospace).
 */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** A `<link>` (a stylesheet, a preconnect) to another origin, as bull-board's page has them. */
const EXTERNAL_LINK = /<link\b[^>]*\bhref="(?:https?:)?\/\/[^"]*"[^>]*>\s*/gi;

/** The dashboard's page without its links to other origins, and every answer under {@link CSP}. */
const ownOriginOnly = createMiddleware(async (c, next) => {
  await next();
  c.header('content-security-policy', CSP);
  if (!c.res.headers.get('content-type')?.startsWith('text/html')) return;
  const page = (await c.res.text()).replace(EXTERNAL_LINK, '');
  c.res = new Response(page, c.res);
  c.res.headers.delete('content-length');
});

/**
 * Only an admin key opens the dashboard. A browser cannot send a bearer token by itself, so
 * HTTP Basic is accepted too, with the admin key as the password (any user name).
 */
function adminOnly(store: Pick<Store, 'lookupToken'>) {
  return createMiddleware(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const [scheme = '', value = ''] = header.split(/\s+/, 2);
    let token = '';
    if (/^bearer$/i.test(scheme)) token = value;
    else if (/^basic$/i.test(scheme)) {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      token = decoded.slice(decoded.indexOf(':') + 1);
    }
    const found = token ? await store.lookupToken(token) : { status: 'unknown' as const };
    if (found.status !== 'valid' || found.key.role !== 'admin') {
      throw new ProblemError(
        'unauthorized',
        { key: 'dashboard-needs-admin' },
        {
          headers: { 'www-authenticate': 'Basic realm="Tidings queues", charset="UTF-8"' },
        },
      );
    }
    await next();
  });
}

/**
 * The queue dashboard for operators (bull-board) at `/admin/queues` (`/admin/queues/` is
 * redirected there), behind an admin key:
 * every queue's jobs by state, with retry and clean actions. The page loads nothing from another
 * origin (no web fonts), under a Content-Security-Policy that allows none; its calls answer 503
 * when Redis gives nothing within {@link DASHBOARD_REDIS_WAIT_MS}.
 *
 * @example
 * app.route(BASE, queueDashboard(store, [translateQueue, resultsQueue]));
 */
export function queueDashboard(
  store: Pick<Store, 'lookupToken'>,
  queues: readonly Queue[],
  options: { redisWaitMs?: number } = {},
): Hono {
  const adapter = new HonoAdapter(serveStatic).setBasePath(BASE);
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'Tidings queues' } },
  });
  const app = new Hono();
  // The dashboard's own logo links to `/admin/queues/`.
  app.use('*', trimTrailingSlash());
  // Before adminOnly, so its 401s and Basic-auth challenges are under the policy as well.
  app.use('*', ownOriginOnly);
  app.use('*', adminOnly(store));
  app.use(
    '/api/*',
    timeout(
      options.redisWaitMs ?? DASHBOARD_REDIS_WAIT_MS,
      () => new ProblemError('unavailable', { key: 'queue-unavailable' }),
    ),
  );
  app.route('/', adapter.registerPlugin());
  return app;
}

/** Where {@link queueDashboard} is mounted. */
export const QUEUE_DASHBOARD_PATH = BASE;
