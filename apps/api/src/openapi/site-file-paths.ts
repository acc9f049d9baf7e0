import { ok, param, problems } from './operation-parts.ts';

/**
 * The files a site serves for crawlers and browsers (sitemaps, robots.txt, favicons) in the
 * OpenAPI document.
 *
 * @example
 * paths: { ...QUEUE_DASHBOARD_PATHS, ...SITE_FILE_PATHS }
 */
export const SITE_FILE_PATHS = {
  '/sitemap.xml': {
    get: {
      summary: 'The sitemap index: the pages sitemaps and a Google News sitemap per language',
      responses: {
        '200': ok('A sitemap index.', { type: 'string' }, 'application/xml'),
        '304': { description: 'Not modified.' },
      },
    },
  },
  '/sitemaps/{file}': {
    parameters: [
      param(
        'file',
        'pages-{n}.xml (50,000 URLs each, with hreflang alternates) or news-{lang}.xml.',
      ),
    ],
    get: {
      summary: 'One sitemap of the index',
      responses: {
        '200': ok('A sitemap.', { type: 'string' }, 'application/xml'),
        '304': { description: 'Not modified.' },
        ...problems('not-found'),
      },
    },
  },
  '/robots.txt': {
    get: {
      summary: 'Crawling rules, naming the sitemaps',
      responses: { '200': ok('robots.txt.', { type: 'string' }, 'text/plain') },
    },
  },
  '/favicon.svg': {
    get: {
      summary: "The site's icon, in its accent colour",
      responses: { '200': ok('SVG.', { type: 'string' }, 'image/svg+xml') },
    },
  },
  '/favicon.ico': {
    get: {
      summary: 'Redirects to /favicon.svg',
      responses: { '301': { description: 'To /favicon.svg.' } },
    },
  },
};
