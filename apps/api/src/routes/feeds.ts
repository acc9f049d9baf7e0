import { isLanguageCode, type LanguageCode } from '@tidings/core';
import { FEED_FORMATS, type FeedFormat, feedStylesheet, xmlSafe } from '@tidings/feed';
import { type Context, Hono } from 'hono';
import type { ApiEnv } from '../env.ts';
import { ProblemError } from '../problem.ts';
import { conditionalResponse } from '../site/conditional-response.ts';
import { feedPage } from '../site/feed-page.ts';
import type { RenderedFeed, Syndication } from '../site/syndication.ts';

// Readers poll; a minute of reuse by caches in between costs subscribers little freshness,
// and a WebSub hub tells them sooner anyway.
const CACHE_CONTROL = 'public, max-age=60';

/** The site pages' policy: no script, no inline style, no framing. */
const PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Entries on a feed's page in a browser. */
const PAGE_ITEMS = 20;

function languageOf(c: Context, languages: readonly LanguageCode[]): LanguageCode {
  const lang = c.req.param('lang') ?? '';
  if (!isLanguageCode(lang) || !languages.includes(lang)) {
    throw new ProblemError('not-found', {
      key: 'feed-language-unknown',
      fields: { lang, languages: languages.join(', ') },
    });
  }
  return lang;
}

function formatOf(c: Context): FeedFormat {
  const file = c.req.param('file') ?? '';
  const found = FEED_FORMATS.find((f) => f.file === file);
  if (!found) {
    throw new ProblemError('not-found', { key: 'feed-unknown', fields: { file } });
  }
  return found.format;
}

/**
 * The same XML feed as `application/xml` for a browser (it asks for HTML first): browsers
 * apply the feed's XSLT stylesheet to XML, but offer an `application/rss+xml` or
 * `application/atom+xml` answer as a download. Feed readers ask for feeds and get them as such.
 */
function forBrowsers(c: Context, feed: RenderedFeed): RenderedFeed {
  const accept = c.req.header('accept') ?? '';
  if (feed.contentType.startsWith('application/feed+json') || !accept.includes('text/html')) {
    return feed;
  }
  return { ...feed, contentType: 'application/xml; charset=utf-8' };
}

/**
 * Whether a person opened the feed's address in a browser (a top-level navigation, which
 * browsers mark `Sec-Fetch-Dest: document`; feed readers, and scripts and extensions that fetch
 * feeds, never do), on the first page of the feed: they get it as a page. Browsers without
 * `Sec-Fetch-*` still get the XML with its XSLT stylesheet.
 */
function opensAsPage(c: Context): boolean {
  return c.req.header('sec-fetch-dest') === 'document' && c.req.query('before') === undefined;
}

/**
 * `/feeds`: every language's RSS, Atom and JSON feeds, per category too, and one OPML list,
 * with `ETag`/`Last-Modified` and `304` on a conditional GET. `?before=` pages back. Each
 * language's `feed.xsl` shows its RSS and Atom feeds in a browser as a page.
 *
 * @example
 * app.route('/feeds', feedRoutes(syndication));
 */
export function feedRoutes(syndication: Syndication): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.use(async (c, next) => {
    await next();
    // Web-based readers fetch feeds from other origins.
    c.header('access-control-allow-origin', '*');
    c.header('vary', 'accept, accept-encoding, sec-fetch-dest');
  });
  app.get('/opml.xml', async (c) =>
    conditionalResponse(c, await syndication.opml(), CACHE_CONTROL),
  );
  app.get('/:lang/feed.xsl', (c) =>
    c.body(feedStylesheet(languageOf(c, syndication.languages)), 200, {
      'content-type': 'text/xsl; charset=utf-8',
      'cache-control': 'public, max-age=3600',
    }),
  );
  /** A browser's page for the feed, when a person opened its address (see {@link opensAsPage}). */
  const page = async (c: Context, language: LanguageCode, categorySlug?: string) => {
    const category =
      categorySlug === undefined
        ? undefined
        : (await syndication.store.findCategory(language, categorySlug))?.name;
    const listing = await syndication.store.listPublished(language, {
      limit: PAGE_ITEMS,
      category,
    });
    c.header('content-security-policy', PAGE_CSP);
    c.header('cache-control', CACHE_CONTROL);
    return c.html(
      xmlSafe(
        await feedPage({
          language,
          listing,
          category,
          feedUrl: syndication.urls.base + c.req.path,
          urls: syndication.urls,
          site: syndication.site,
        }),
      ),
    );
  };
  app.get('/:lang/:file', async (c) => {
    const feed = await syndication.feed(languageOf(c, syndication.languages), formatOf(c), {
      before: c.req.query('before'),
    });
    if (opensAsPage(c)) return page(c, languageOf(c, syndication.languages));
    return conditionalResponse(c, forBrowsers(c, feed), CACHE_CONTROL);
  });
  app.get('/:lang/categories/:slug/:file', async (c) => {
    const categorySlug = c.req.param('slug');
    // An unknown category is a 404 here, before any page is made.
    const feed = await syndication.feed(languageOf(c, syndication.languages), formatOf(c), {
      categorySlug,
      before: c.req.query('before'),
    });
    if (opensAsPage(c)) return page(c, languageOf(c, syndication.languages), categorySlug);
    return conditionalResponse(c, forBrowsers(c, feed), CACHE_CONTROL);
  });
  return app;
}
