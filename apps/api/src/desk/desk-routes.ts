import { randomBytes } from 'node:crypto';
import { isLanguageCode, type LanguageCode, type Logger } from '@tidings/core';
import { type GlossarySnapshot, InvalidCursorError, type Store } from '@tidings/store';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html } from 'hono/html';
import type { ArticleCommands } from '../routes/article-commands.ts';
import { listingQuerySchema } from '../routes/article-listing.ts';
import { ARTICLE_CSS } from './article-css.ts';
import { ARTICLE_EDITOR_SCRIPT } from './article-editor-script.ts';
import { articleDeskRoutes } from './article-routes.ts';
import { type CsrfRefusal, deskCsrf, renewCsrfToken } from './desk-csrf.ts';
import { DESK_CSS } from './desk-css.ts';
import type { DeskEnv } from './desk-env.ts';
import { deskGlossaryRoutes } from './desk-glossary-routes.ts';
import { deskLanguage, rememberLanguage } from './desk-language.ts';
import { deskPage } from './desk-page.ts';
import { DESK_SCRIPT } from './desk-script.ts';
import {
  type DeskSessionOptions,
  endDeskSession,
  loadDeskSession,
  startDeskSession,
} from './desk-session.ts';
import type { FieldError } from './error-summary.ts';
import { type QueueFilters, queuePage } from './queue-page.ts';
import { queueVersion } from './queue-version.ts';
import { requireDeskSession } from './require-desk-session.ts';
import { signInPage } from './sign-in-page.ts';

const TOKEN = /^tdg_[A-Za-z0-9_-]{43}$/;

/** What the desk needs: the same store (and glossary publisher) the API routes use. */
export interface DeskDeps {
  readonly store: Store;
  readonly logger: Logger;
  /** The API's public URL: its origin may post desk forms, and https makes cookies Secure. */
  readonly publicUrl: string;
  /** `DESK_SESSION_SECRET`; unset, a random one for this process. */
  readonly sessionSecret?: string | undefined;
  /** `DESK_SESSION_TTL` in seconds; 8 hours when absent. */
  readonly sessionTtlSeconds?: number | undefined;
  /** Hands each new glossary version to the workers, as `/v1/glossary` does. */
  readonly publishGlossary?: ((snapshot: GlossarySnapshot) => Promise<unknown>) | undefined;
  /** How often the queue page's script looks for changes; 5 s when absent. */
  readonly queuePollMs?: number | undefined;
  /** The article actions' write path, the one the /v1 routes use. */
  readonly commands: ArticleCommands;
  /** The languages served (`LANGUAGES`); all six when absent. */
  readonly languages?: readonly LanguageCode[] | undefined;
  /** The largest request body a desk form may send, as for `/v1`; 1 MiB when absent. */
  readonly bodyLimitBytes?: number | undefined;
}

/**
 * `next` after signing in or switching language: a desk path on this site, never elsewhere,
 * and never one holding a control character (a NUL, a line break), which no Location header
 * may carry.
 *
 * @example
 * safeNext('/desk/glossary'); // '/desk/glossary'
 * safeNext('https://evil.test/'); // '/desk/'
 */
export function safeNext(value: unknown): string {
  return typeof value === 'string' &&
    /^\/desk\/[^\\]*$/.test(value) &&
    !value.startsWith('//') &&
    !/\p{Cc}/u.test(value)
    ? value
    : '/desk/';
}

/**
 * The editor's desk, mounted at `/desk`: sign-in with an API key (a signed session cookie),
 * sign-out, the interface language, the queue (`/desk/`) and the glossary
 * (`/desk/glossary`), its stylesheet and script. Every page is server-rendered and works
 * without JavaScript; every form that changes something is checked for its origin and CSRF
 * token. See `apps/api/src/desk/README.md` for how to add a page.
 *
 * @example
 * app.route('/desk', deskRoutes({ store, logger, publicUrl, sessionTtlSeconds: 8 * 3600 }));
 */
export function deskRoutes(deps: DeskDeps): Hono<DeskEnv> {
  const { store } = deps;
  const options: DeskSessionOptions = {
    secret: deps.sessionSecret ?? randomBytes(32).toString('base64url'),
    ttlSeconds: deps.sessionTtlSeconds ?? 8 * 3600,
    secure: deps.publicUrl.startsWith('https:'),
  };
  const desk = new Hono<DeskEnv>();
  const limit = deps.bodyLimitBytes ?? 1024 * 1024;
  const refused = (
    c: Parameters<Parameters<typeof deskCsrf>[2]>[0],
    why: CsrfRefusal | 'tooLarge',
  ) =>
    deskPage(c, {
      title: c.var.t('desk:refused.title'),
      status: why === 'tooLarge' ? 413 : 403,
      content: html`<h1>${c.var.t('desk:refused.title')}</h1>
<p>${c.var.t(`desk:refused.${why}`, { limit })}</p>
<p><a href="/desk/">${c.var.t('desk:refused.back')}</a></p>`,
    });

  desk.get('/assets/desk.css', (c) =>
    c.body(`${DESK_CSS}${ARTICLE_CSS}`, 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'no-cache',
    }),
  );
  desk.get('/assets/article-editor.js', (c) =>
    c.body(ARTICLE_EDITOR_SCRIPT, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'no-cache',
    }),
  );
  desk.get('/assets/desk.js', (c) =>
    c.body(DESK_SCRIPT, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'no-cache',
    }),
  );

  desk.use(async (c, next) => {
    await next();
    // Nothing an article contains may run here: scripts, styles and forms from this origin only.
    c.header(
      'content-security-policy',
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
  });
  desk.use(deskLanguage());
  desk.use(loadDeskSession(store, options));
  // Before the CSRF check, which reads the form: an oversized one is refused unread.
  desk.use(bodyLimit({ maxSize: limit, onError: (c) => refused(c, 'tooLarge') }));
  desk.use(deskCsrf(options, [new URL(deps.publicUrl).origin], refused));

  desk.get('/sign-in', (c) => {
    if (c.var.deskSession) return c.redirect(safeNext(c.req.query('next')), 303);
    return deskPage(c, {
      title: c.var.t('desk:signIn.title'),
      current: 'sign-in',
      content: signInPage(c.var.t, c.var.csrfToken, safeNext(c.req.query('next')), []),
    });
  });

  desk.post('/sign-in', async (c) => {
    const form = await c.req.parseBody();
    const next = safeNext(form.next);
    const key = typeof form.key === 'string' ? form.key.trim() : '';
    const { t } = c.var;
    let error: FieldError | undefined;
    let status: 400 | 401 = 400;
    if (key === '') error = { field: 'key', message: t('desk:signIn.errors.empty') };
    else if (!TOKEN.test(key)) error = { field: 'key', message: t('desk:signIn.errors.malformed') };
    else {
      const found = await store.lookupToken(key);
      status = 401;
      if (found.status === 'valid') {
        await startDeskSession(c, found.key, options);
        renewCsrfToken(c, options);
        deps.logger.info({ keyId: found.key.id, role: found.key.role }, 'desk sign-in');
        return c.redirect(next, 303);
      }
      error = {
        field: 'key',
        message: t(
          found.status === 'revoked' ? 'desk:signIn.errors.revoked' : 'desk:signIn.errors.unknown',
        ),
      };
    }
    return deskPage(c, {
      title: `${t('desk:errors.prefix')} ${t('desk:signIn.title')}`,
      current: 'sign-in',
      status,
      content: signInPage(t, c.var.csrfToken, next, [error]),
    });
  });

  desk.post('/sign-out', (c) => {
    endDeskSession(c, options);
    renewCsrfToken(c, options);
    return c.redirect('/desk/sign-in', 303);
  });

  desk.post('/language', async (c) => {
    const form = await c.req.parseBody();
    if (typeof form.language === 'string' && isLanguageCode(form.language)) {
      rememberLanguage(c, form.language, options);
    }
    return c.redirect(safeNext(form.next), 303);
  });

  desk.get('/', requireDeskSession(), async (c) => {
    const { t, language } = c.var;
    const key = c.var.key;
    const raw = Object.fromEntries(
      (['status', 'language', 'q', 'cursor'] as const).flatMap((name) => {
        const value = c.req.query(name)?.trim();
        return value ? [[name, value]] : [];
      }),
    );
    const parsed = listingQuerySchema.safeParse(raw);
    const errors: FieldError[] = [];
    let filters: QueueFilters = {};
    let page: Awaited<ReturnType<Store['listArticles']>> | undefined;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === 'q' ? 'q' : 'language';
        errors.push({ field, message: t(`desk:queue.errors.${field}`) });
      }
    } else {
      filters = {
        status: parsed.data.status,
        language: parsed.data.language,
        q: parsed.data.q,
        cursor: parsed.data.cursor,
      };
      try {
        page = await store.listArticles({
          status: filters.status,
          language: filters.language,
          query: filters.q,
          // The same rule as GET /v1/articles: a publisher sees only its own articles.
          publisherKeyId: key.role === 'publisher' ? key.id : undefined,
          cursor: filters.cursor,
          limit: 20,
        });
      } catch (error) {
        if (!(error instanceof InvalidCursorError)) throw error;
        errors.push({ field: 'q', message: t('desk:queue.errors.cursor') });
      }
    }
    const version = queueVersion(page);
    if (!errors.length) {
      // The page's script polls with the version it shows: unchanged, no page is rendered or sent.
      const etag = `W/"${version}"`;
      c.header('etag', etag);
      if (notModified(c.req.header('if-none-match'), etag)) {
        c.header('cache-control', 'no-store');
        return c.body(null, 304);
      }
    }
    return deskPage(c, {
      title: errors.length
        ? `${t('desk:errors.prefix')} ${t('desk:queue.title')}`
        : t('desk:queue.title'),
      current: 'queue',
      status: errors.length ? 400 : 200,
      content: queuePage({
        t,
        language,
        filters,
        page,
        errors,
        pollMs: deps.queuePollMs ?? 5000,
        version,
        languages: deps.languages,
      }),
    });
  });

  desk.route(
    '/glossary',
    deskGlossaryRoutes({
      store,
      logger: deps.logger,
      publish: deps.publishGlossary,
      languages: deps.languages,
    }),
  );
  desk.route(
    '/articles',
    articleDeskRoutes({
      store,
      commands: deps.commands,
      languages: deps.languages,
      render: (c, page, status) => deskPage(c, { ...page, current: 'article', status }),
    }),
  );
  return desk;
}

/** Whether `If-None-Match` names this (weak) entity tag, compared weakly (RFC 9110 §13.1.2). */
function notModified(header: string | undefined, etag: string): boolean {
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header?.split(',').some((tag) => bare(tag) === bare(etag)) === true;
}
