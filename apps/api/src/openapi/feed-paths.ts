import { lang, ok, param, problems } from './operation-parts.ts';

const file = param('file', 'rss.xml, atom.xml or feed.json', {
  type: 'string',
  enum: ['rss.xml', 'atom.xml', 'feed.json'],
});
const feedFormats = {
  description:
    'The feed, in the format its file name says (as application/xml to a browser that asks for HTML, with its XSLT stylesheet); a person opening it in a browser (Sec-Fetch-Dest: document) gets a page of it instead, text/html.',
  content: {
    'application/rss+xml': { schema: { type: 'string' } },
    'application/atom+xml': { schema: { type: 'string' } },
    'application/feed+json': { schema: { type: 'object' } },
    'application/xml': { schema: { type: 'string' } },
    'text/html': { schema: { type: 'string' } },
  },
};

/**
 * The feeds (`/feeds/…`: OPML, RSS, Atom, JSON Feed and their XSLT) in the OpenAPI document.
 *
 * @example
 * paths: { ...WORKER_PATHS, ...FEED_PATHS }
 */
export const FEED_PATHS = {
  '/feeds/opml.xml': {
    get: {
      summary: "Every language's feeds",
      responses: { '200': ok('OPML 2.0.', { type: 'string' }, 'text/x-opml') },
    },
  },
  '/feeds/{lang}/feed.xsl': {
    parameters: [lang],
    get: {
      summary:
        'The XSLT stylesheet that makes a feed opened in a browser read as a page, in that language',
      responses: { '200': ok('XSLT 1.0.', { type: 'string' }, 'text/xsl') },
    },
  },
  '/feeds/{lang}/{file}': {
    parameters: [lang, file],
    get: {
      summary: "A language's feed: RSS 2.0, Atom 1.0 or JSON Feed 1.1",
      responses: {
        '200': feedFormats,
        '304': { description: 'Not modified.' },
        ...problems('not-found'),
      },
    },
  },
  '/feeds/{lang}/categories/{slug}/{file}': {
    parameters: [lang, param('slug', 'The category slug.'), file],
    get: {
      summary: "A category's feed within a language",
      responses: {
        '200': feedFormats,
        '304': { description: 'Not modified.' },
        ...problems('not-found'),
      },
    },
  },
};
