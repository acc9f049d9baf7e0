import { LANGUAGE_CODES, type LanguageCode } from '@tidings/core';
import { ARTICLE_SCHEMAS } from './article-schemas.ts';
import { ARTICLE_PATHS } from './articles-paths.ts';
import { DESK_PATHS } from './desk-paths.ts';
import { DOCS_PATHS } from './docs-paths.ts';
import { FEED_PATHS } from './feed-paths.ts';
import { GLOSSARY_PATHS } from './glossary-paths.ts';
import { KEY_PATHS } from './key-paths.ts';
import { OPERATIONS_PATHS } from './operations-paths.ts';
import { PROBLEM_SCHEMA } from './problem-schema.ts';
import { QUEUE_DASHBOARD_PATHS } from './queue-dashboard-paths.ts';
import { SITE_FILE_PATHS } from './site-file-paths.ts';
import { SITE_PATHS } from './site-paths.ts';
import { WORKER_PATHS } from './worker-paths.ts';

/** Every list of the six languages in `node` (an `enum` of them) as the languages served. */
function servedOnly(node: unknown, languages: readonly LanguageCode[]): unknown {
  if (Array.isArray(node)) return node.map((item) => servedOnly(item, languages));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === 'enum' &&
      Array.isArray(value) &&
      value.length === LANGUAGE_CODES.length &&
      LANGUAGE_CODES.every((code) => value.includes(code))
        ? [...languages]
        : servedOnly(value, languages),
    ]),
  );
}

/**
 * The OpenAPI 3.1 description of every route, with request bodies generated from the zod
 * schemas the routes validate with (`z.toJSONSchema`), so the document cannot drift from them.
 * Every language enum lists the languages served (`LANGUAGES`), which are all the API takes.
 *
 * @example
 * app.get('/openapi.json', (c) => c.json(openApiDocument('https://news.example.org', ['en', 'uk'])));
 */
export function openApiDocument(
  serverUrl: string,
  languages: readonly LanguageCode[] = LANGUAGE_CODES,
) {
  return servedOnly(document(serverUrl), languages) as ReturnType<typeof document>;
}

function document(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tidings API',
      version: '1',
      description:
        'Post an article in one of six languages; Tidings translates it into the other five and publishes each as feeds and pages. Errors are RFC 9457 problem+json, on every route: 400 for a request that is not valid HTTP (a Host that is no host name, malformed framing), JSON nested deeper than 32 levels, a duplicate key or bytes that are not UTF-8; 405 with `Allow` for a method a path does not take; 408 for a request not received within REQUEST_TIMEOUT_MS; 413 over BODY_LIMIT_BYTES or MAX_ARTICLE_CHARS; 415 for a Content-Encoding other than identity; 431 for oversized headers. Pages and feeds are sent with brotli or gzip when asked.',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API key, tdg_…' },
        adminBasic: {
          type: 'http',
          scheme: 'basic',
          description: 'An admin key as the password (any user name), for browsers.',
        },
        deskSession: {
          type: 'apiKey',
          in: 'cookie',
          name: 'tidings_desk_session',
          description: 'The desk session, started by signing in at /desk/sign-in with an API key.',
        },
      },
      schemas: { Problem: PROBLEM_SCHEMA, Article: ARTICLE_SCHEMAS.article },
    },
    paths: {
      ...ARTICLE_PATHS,
      ...KEY_PATHS,
      ...GLOSSARY_PATHS,
      ...WORKER_PATHS,
      ...FEED_PATHS,
      ...SITE_PATHS,
      ...DESK_PATHS,
      ...QUEUE_DASHBOARD_PATHS,
      ...SITE_FILE_PATHS,
      ...OPERATIONS_PATHS,
      ...DOCS_PATHS,
    },
  };
}
