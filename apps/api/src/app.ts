import type { Logger } from '@tidings/core';
import type { WorkerRegistry } from '@tidings/queue';
import type { GlossarySnapshot, Store } from '@tidings/store';
import type { Queue } from 'bullmq';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { type DeskDeps, deskRoutes } from './desk/desk-routes.ts';
import type { ApiEnv } from './env.ts';
import type { ApiMetrics } from './metrics/api-metrics.ts';
import { compressResponses } from './middleware/compress-responses.ts';
import { errorHandler, notFoundHandler, problemResponse } from './on-error.ts';
import { ProblemError } from './problem.ts';
import { articleApprovalRoutes } from './routes/article-approvals.ts';
import { type ArticleCommandsDeps, articleCommands } from './routes/article-commands.ts';
import { articleListingRoutes } from './routes/article-listing.ts';
import { articleRetryRoutes } from './routes/article-retries.ts';
import { type ArticleRoutesDeps, articleRoutes } from './routes/articles.ts';
import { docsRoutes } from './routes/docs.ts';
import { feedRoutes } from './routes/feeds.ts';
import { glossaryRoutes } from './routes/glossary.ts';
import { healthRoutes, type ReadinessCheck } from './routes/health.ts';
import { keyRoutes } from './routes/keys.ts';
import { pageRoutes } from './routes/pages.ts';
import { problemPages } from './routes/problem-pages.ts';
import { QUEUE_DASHBOARD_PATH, queueDashboard } from './routes/queue-dashboard.ts';
import { sitemapRoutes } from './routes/sitemaps.ts';
import { workerRoutes } from './routes/workers.ts';
import type { Syndication } from './site/syndication.ts';

/**
 * Hono's `bodyLimit`, which reads no body when `Content-Length` gives its size. Hono's asks for
 * the request's body stream even then, to see whether there is one, and that makes
 * `@hono/node-server` wrap the socket in a full web `Request`: every later read of the body then
 * goes through web streams instead of the server's direct read (a third of a POST's HTTP cost).
 * The same answers: without a body (GET, HEAD, TRACE) nothing is checked, a declared length
 * over `maxSize` is refused at once, and a chunked body is counted as it is read.
 */
function limitBodies(maxSize: number, onError: () => never): MiddlewareHandler {
  const counted = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) {
      return counted(c, next);
    }
    const { method } = c.req;
    if (method !== 'GET' && method !== 'HEAD' && method !== 'TRACE') {
      if (Number.parseInt(length || '0', 10) > maxSize) onError();
    }
    await next();
  };
}

/** What the API is built from; tests pass real instances of each. */
export interface AppDependencies {
  readonly logger: Logger;
  readonly readiness: readonly ReadinessCheck[];
  /** Largest request body accepted, in bytes (BODY_LIMIT_BYTES). */
  readonly bodyLimitBytes?: number;
  /** Largest article accepted, in characters once cleaned (MAX_ARTICLE_CHARS). */
  readonly maxArticleChars?: number;
  /** The v1 API; without it only health routes are served. */
  readonly v1?: Omit<ArticleRoutesDeps, 'logger' | 'commands'> & {
    readonly store: Store;
    /** Teaches the translation memory each correction and approval; nothing is taught without it. */
    readonly teacher?: ArticleCommandsDeps['teacher'];
    /** Hands each new glossary version to the workers (Redis); not handed on when absent. */
    readonly publishGlossary?: (snapshot: GlossarySnapshot) => Promise<unknown>;
  };
  /** Base URL for the OpenAPI document's `servers`; `/openapi.json` and `/docs` need it. */
  readonly publicUrl?: string;
  /** Queues shown on the operators' dashboard at `/admin/queues` (admin key); none when absent. */
  readonly dashboardQueues?: readonly Queue[];
  /** Prometheus metrics, served at `/metrics`; none when absent. */
  readonly metrics?: ApiMetrics;
  /** Feeds (`/feeds/…`), site pages (`/{lang}/…`) and sitemaps; without it none is served. */
  readonly site?: Syndication;
  /** The worker registry, served at `/v1/workers` (admin key); not served when absent. */
  readonly workers?: Pick<WorkerRegistry, 'list'>;
  /** The editor's desk at `/desk/` (with `v1`): session secret and length, queue refresh. */
  readonly desk?: Pick<DeskDeps, 'sessionSecret' | 'sessionTtlSeconds' | 'queuePollMs'>;
}

/**
 * The Tidings HTTP API as a Hono app, without a server: `serve()` it, or call `app.request()`.
 *
 * @example
 * const app = createApp({ logger, readiness: [] });
 * const res = await app.request('/healthz');
 */
export function createApp(deps: AppDependencies): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  // Problem types are absolute under PUBLIC_URL (else the request's origin).
  const { publicUrl } = deps;
  if (publicUrl !== undefined) {
    app.use(async (c, next) => {
      c.set('publicUrl', publicUrl);
      await next();
    });
  }
  // A Host that is no host name (`1.2.3.4.5`) makes the request's URL unparsable, which
  // would fail deep inside a route as a 500.
  app.use(async (c, next) => {
    if (!URL.canParse(c.req.url)) {
      throw new ProblemError('bad-request', { key: 'host-invalid' });
    }
    await next();
  });
  if (deps.metrics) app.use(deps.metrics.middleware());
  app.use(requestId());
  app.use(secureHeaders());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    deps.logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        problemResponse(
          c,
          'method-not-allowed',
          {
            key: 'method-not-allowed',
            fields: { method: c.req.method, path: c.req.path, methods: methods.join(', ') },
          },
          { headers: { allow: methods.join(', ') } },
        ),
    }),
  );
  app.use(compressResponses());
  app.route('/', healthRoutes(deps.readiness));
  if (deps.metrics) {
    const { metrics } = deps;
    app.get('/metrics', async (c) =>
      c.body(await metrics.render(), 200, { 'content-type': metrics.registry.contentType }),
    );
  }
  if (deps.publicUrl !== undefined)
    app.route('/', docsRoutes(deps.publicUrl, deps.v1?.languages ?? deps.site?.languages));
  app.route('/', problemPages());
  if (deps.v1) {
    const limit = deps.bodyLimitBytes ?? 1024 * 1024;
    app.use(
      '/v1/*',
      limitBodies(limit, () => {
        throw new ProblemError('payload-too-large', { key: 'body-too-large', fields: { limit } });
      }),
    );
    const commands = articleCommands({
      ...deps.v1,
      logger: deps.logger,
      maxArticleChars: deps.maxArticleChars,
    });
    app.route('/v1/articles', articleListingRoutes(deps.v1));
    app.route('/v1/articles', articleRetryRoutes({ ...deps.v1, commands }));
    app.route('/v1/articles', articleApprovalRoutes({ ...deps.v1, commands }));
    app.route(
      '/v1/articles',
      articleRoutes({
        ...deps.v1,
        logger: deps.logger,
        maxArticleChars: deps.maxArticleChars,
        commands,
      }),
    );
    app.route('/v1/keys', keyRoutes(deps.v1.store, deps.v1.limiter));
    app.route(
      '/v1/glossary',
      glossaryRoutes({
        store: deps.v1.store,
        logger: deps.logger,
        limiter: deps.v1.limiter,
        publish: deps.v1.publishGlossary,
      }),
    );
    if (deps.workers) {
      app.route('/v1/workers', workerRoutes(deps.v1.store, deps.workers, deps.v1.limiter));
    }
    if (deps.dashboardQueues) {
      app.route(QUEUE_DASHBOARD_PATH, queueDashboard(deps.v1.store, deps.dashboardQueues));
    }
    app.get('/desk', (c) => c.redirect('/desk/', 301));
    // Mounted at `/desk/` so that the queue is `/desk/` (Hono merges `/desk` + `/` to `/desk`).
    app.route(
      '/desk/',
      deskRoutes({
        ...deps.desk,
        store: deps.v1.store,
        logger: deps.logger,
        publicUrl: deps.v1.publicUrl,
        publishGlossary: deps.v1.publishGlossary,
        commands,
        languages: deps.v1.languages,
        bodyLimitBytes: limit,
      }),
    );
  }
  if (deps.site) {
    app.route('/feeds', feedRoutes(deps.site));
    app.route('/', sitemapRoutes(deps.site.sitemaps));
    app.route('/', pageRoutes(deps.site));
  }
  app.onError(errorHandler(deps.logger));
  app.notFound(notFoundHandler);
  return app;
}
