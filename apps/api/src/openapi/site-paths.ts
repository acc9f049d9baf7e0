import { html, lang, ok, param } from './operation-parts.ts';

/**
 * The reader site's pages (`/{lang}/…`, `/`) and their assets in the OpenAPI document.
 *
 * @example
 * paths: { ...FEED_PATHS, ...SITE_PATHS }
 */
export const SITE_PATHS = {
  '/{lang}/': {
    parameters: [lang],
    get: {
      summary: 'The latest articles in a language',
      responses: { '200': html('The page.') },
    },
  },
  '/{lang}/articles/{slug}': {
    parameters: [lang, param('slug', 'The article slug.')],
    get: {
      summary: 'An article in a language, with its language switcher',
      responses: {
        '200': html('The page.'),
        '404': html('No such article.'),
        '410': html('The article was retracted.'),
      },
    },
  },
  '/': {
    get: {
      summary: "The site's front door: redirects to a reader's language",
      responses: { '302': { description: 'To /{lang}/.' } },
    },
  },
  '/{lang}': {
    parameters: [lang],
    get: {
      summary: 'Redirects to /{lang}/',
      responses: { '301': { description: 'To /{lang}/.' } },
    },
  },
  '/assets/site.css': {
    get: {
      summary: "The site's style sheet",
      responses: { '200': ok('CSS.', { type: 'string' }, 'text/css') },
    },
  },
  '/docs/assets/{file}': {
    parameters: [param('file', 'A file of the API reference page.')],
    get: {
      summary: 'Files of the API reference page',
      responses: {
        '200': { description: 'The file.' },
        '404': { description: 'No such file.' },
      },
    },
  },
};
