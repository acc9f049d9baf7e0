import { isLanguageCode } from '@tidings/core';
import { Hono } from 'hono';
import type { ApiEnv } from '../env.ts';
import { ProblemError } from '../problem.ts';
import { conditionalResponse } from '../site/conditional-response.ts';
import type { Sitemaps } from '../site/sitemaps.ts';

// Crawlers come back on their own schedule; an hour of reuse costs them nothing.
const CACHE_CONTROL = 'public, max-age=3600';

/**
 * `/sitemap.xml`, `/sitemaps/pages-{n}.xml`, `/sitemaps/news-{lang}.xml` and `/robots.txt`,
 * with `ETag` and `304` like the feeds.
 *
 * @example
 * app.route('/', sitemapRoutes(new Sitemaps({ store, urls, site })));
 */
export function sitemapRoutes(sitemaps: Sitemaps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.get('/sitemap.xml', async (c) =>
    conditionalResponse(c, await sitemaps.root(), CACHE_CONTROL),
  );
  app.get('/sitemaps/:file', async (c) => {
    const file = c.req.param('file');
    const news = /^news-(\w\w)\.xml$/.exec(file)?.[1];
    if (news !== undefined && isLanguageCode(news) && sitemaps.languages.includes(news)) {
      return conditionalResponse(c, await sitemaps.news(news), CACHE_CONTROL);
    }
    const page = /^pages-([1-9]\d{0,6})\.xml$/.exec(file)?.[1];
    const found = page === undefined ? undefined : await sitemaps.file(Number(page));
    if (!found) throw new ProblemError('not-found', { key: 'sitemap-unknown', fields: { file } });
    return conditionalResponse(c, found, CACHE_CONTROL);
  });
  app.get('/robots.txt', (c) => conditionalResponse(c, sitemaps.robots(), CACHE_CONTROL));
  return app;
}
