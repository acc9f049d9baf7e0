import type { LanguageCode } from '@tidings/core';
import { xmlSafe } from '@tidings/feed';
import { InvalidCursorError, NotFoundError } from '@tidings/store';
import { type Context, Hono } from 'hono';
import type { ApiEnv } from '../env.ts';
import { preferredLanguage } from '../preferred-language.ts';
import { articlePage } from '../site/article-page.ts';
import { conditionalResponse, entityTag } from '../site/conditional-response.ts';
import { indexPage } from '../site/index-page.ts';
import { messagePage } from '../site/message-page.ts';
import { siteCss } from '../site/site-css.ts';
import { siteFavicon } from '../site/site-favicon.ts';
import type { Syndication } from '../site/syndication.ts';
import { versionSlug } from '../site/version-slug.ts';

/** No script may run, no style may be inline, nothing may frame the site. */
const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const PAGE_SIZE = 20;
const CACHE_CONTROL = 'public, max-age=60';

/** The page as a string without the control characters no HTML document should carry. */
const clean = (page: string): string => xmlSafe(page);

/**
 * A page found: with its ETag (per coding, as compressResponses sends it), and `304` when the
 * reader's browser already holds it. A page is made of several records (the article, its other
 * languages, the site's settings), so it has no Last-Modified: the tag is of the page itself.
 */
function found(c: Context, page: string): Response {
  const body = clean(page);
  return conditionalResponse(
    c,
    { body, etag: entityTag(body), contentType: 'text/html; charset=UTF-8' },
    CACHE_CONTROL,
  );
}

function language(c: Context): LanguageCode {
  return c.req.param('lang') as LanguageCode;
}

/**
 * The site: `/{lang}/` (latest articles, paginated with `?before=`) and
 * `/{lang}/articles/{slug}`, server-rendered and localized, under a CSP that allows no
 * script; `/` sends a reader to the language they prefer. Only the languages served
 * (`LANGUAGES`) have pages.
 *
 * @example
 * app.route('/', pageRoutes(syndication));
 */
export function pageRoutes(syndication: Syndication): Hono<ApiEnv> {
  const { store, urls, site, languages } = syndication;
  // Only the languages served (LANGUAGES) have pages; any other path is the site's 404.
  const LANG = `:lang{(?:${languages.join('|')})}`;
  const css = siteCss(site);
  const favicon = siteFavicon(site);
  const app = new Hono<ApiEnv>();
  app.use(`/${LANG}/*`, async (c, next) => {
    await next();
    c.header('content-security-policy', CSP);
    c.header('content-language', language(c));
    c.header('cache-control', CACHE_CONTROL);
  });
  app.get(`/${LANG}/`, async (c) => {
    const before = c.req.query('before');
    try {
      const listing = await store.listPublished(language(c), { limit: PAGE_SIZE, before });
      return found(c, await indexPage(language(c), listing, urls, site, before));
    } catch (error) {
      // An archive address no "Older articles" link gave (cut, or made up) is no page.
      if (error instanceof InvalidCursorError)
        return c.html(clean(await messagePage(language(c), 'notFound', urls, site)), 404);
      throw error;
    }
  });
  app.get(`/${LANG}/articles/:slug`, async (c) => {
    const lang = language(c);
    try {
      const slug = c.req.param('slug');
      const article = await store.getArticleBySlug(slug);
      if (article.retractedAt)
        return c.html(clean(await messagePage(lang, 'gone', urls, site)), 410);
      // An old address (the article's slug, once the language has its own) moves for good.
      const current = versionSlug(article, lang);
      if (slug !== current) return c.redirect(urls.article(lang, current), 301);
      const translation = await store.getTranslation(article.id, lang);
      return found(
        c,
        await articlePage({
          article,
          language: lang,
          content: translation.content,
          urls,
          site,
          bodies: syndication.pageBodies,
        }),
      );
    } catch (error) {
      if (error instanceof NotFoundError)
        return c.html(clean(await messagePage(lang, 'notFound', urls, site)), 404);
      throw error;
    }
  });
  // The query goes along: `/uk?before=…` is the archive page, not the first.
  app.get(`/${LANG}`, (c) => {
    const query = new URL(c.req.url).search;
    return c.redirect(urls.home(language(c)) + query, 301);
  });
  app.get(`/${LANG}/*`, async (c) =>
    c.html(clean(await messagePage(language(c), 'notFound', urls, site)), 404),
  );

  // A language this site does not serve (`/pt/`, `/UK/…`, or one LANGUAGES leaves out): the
  // site's 404 page in the reader's language, not the API's problem+json. Two letters never
  // name an API path.
  const unserved = async (c: Context) => {
    const lang = preferredLanguage(c.req.header('accept-language'), languages);
    c.header('content-security-policy', CSP);
    c.header('content-language', lang);
    c.header('vary', 'accept-language');
    return c.html(clean(await messagePage(lang, 'notFound', urls, site)), 404);
  };
  const OTHER = ':other{[A-Za-z]{2}(?:-[A-Za-z0-9]{2,8})?}';
  // `/pt/*` answers `/pt` too.
  app.get(`/${OTHER}/*`, unserved);

  app.get('/assets/site.css', (c) =>
    c.body(css, 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'public, max-age=3600',
    }),
  );
  app.get('/favicon.svg', (c) =>
    c.body(favicon, 200, {
      'content-type': 'image/svg+xml',
      'cache-control': 'public, max-age=86400',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    }),
  );
  // Browsers and crawlers that never read the page's <link rel="icon"> ask for this one.
  app.get('/favicon.ico', (c) => c.redirect('/favicon.svg', 301));
  app.get('/', (c) => {
    c.header('vary', 'accept-language');
    return c.redirect(
      urls.home(preferredLanguage(c.req.header('accept-language'), languages)),
      302,
    );
  });
  return app;
}
