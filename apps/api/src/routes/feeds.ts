import { isLanguageCode, type LanguageCode } from '@tidings/core';
import { FEED_FORMATS, type FeedFormat } from '@tidings/feed';
import { type Context, Hono } from 'hono';
import type { ApiEnv } from '../env.ts';
import { ProblemError } from '../problem.ts';
import { conditionalResponse } from '../site/conditional-response.ts';
import type { Syndication } from '../site/syndication.ts';

// Readers poll; a minute of reuse by caches in between costs subscribers little freshness,
// and a WebSub hub tells them sooner anyway.
const CACHE_CONTROL = 'public, max-age=60';

function languageOf(c: Context): LanguageCode {
  const lang = c.req.param('lang') ?? '';
  if (!isLanguageCode(lang)) {
    throw new ProblemError(
      'not-found',
      `Tidings has no feeds in "${lang}"; it has en, es, de, fr, it, uk.`,
    );
  }
  return lang;
}

function formatOf(c: Context): FeedFormat {
  const file = c.req.param('file') ?? '';
  const found = FEED_FORMATS.find((f) => f.file === file);
  if (!found) {
    throw new ProblemError(
      'not-found',
      `No feed is called "${file}"; there are rss.xml, atom.xml and feed.json.`,
    );
  }
  return found.format;
}

/**
 * `/feeds`: every language's RSS, Atom and JSON feeds, per category too, and one OPML list,
 * with `ETag`/`Last-Modified` and `304` on a conditional GET. `?before=` pages back.
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
    c.header('vary', 'accept-encoding');
  });
  app.get('/opml.xml', async (c) =>
    conditionalResponse(c, await syndication.opml(), CACHE_CONTROL),
  );
  app.get('/:lang/:file', async (c) => {
    const feed = await syndication.feed(languageOf(c), formatOf(c), {
      before: c.req.query('before'),
    });
    return conditionalResponse(c, feed, CACHE_CONTROL);
  });
  app.get('/:lang/categories/:slug/:file', async (c) => {
    const feed = await syndication.feed(languageOf(c), formatOf(c), {
      categorySlug: c.req.param('slug'),
      before: c.req.query('before'),
    });
    return conditionalResponse(c, feed, CACHE_CONTROL);
  });
  return app;
}
