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

/**
 * The schema of a language the API takes: one of `languages` (LANGUAGES), which are all it
 * takes. Answers keep the six, since articles kept from before LANGUAGES was narrowed keep
 * their languages.
 *
 * @example
 * languageEnum(['en', 'uk']); // { type: 'string', enum: ['en', 'uk'] }
 */
export function languageEnum(languages: readonly LanguageCode[]) {
  return { type: 'string', enum: [...languages] };
}

const isLanguageEnum = (node: object): boolean =>
  'enum' in node &&
  Array.isArray(node.enum) &&
  node.enum.length === LANGUAGE_CODES.length &&
  LANGUAGE_CODES.every((code) => (node.enum as unknown[]).includes(code));

/** `node` (a request's parameters or body) with each language schema as {@link languageEnum}. */
function servedOnly(node: unknown, languages: readonly LanguageCode[]): unknown {
  if (Array.isArray(node)) return node.map((item) => servedOnly(item, languages));
  if (node === null || typeof node !== 'object') return node;
  if (isLanguageEnum(node)) return { ...node, ...languageEnum(languages) };
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, servedOnly(value, languages)]),
  );
}

/** The paths with what requests send (parameters and bodies) narrowed to `languages`. */
function requestsServedOnly(paths: object, languages: readonly LanguageCode[]): object {
  const request = (operation: unknown): unknown => {
    if (operation === null || typeof operation !== 'object' || Array.isArray(operation)) {
      return servedOnly(operation, languages);
    }
    return Object.fromEntries(
      Object.entries(operation).map(([key, value]) => [
        key,
        key === 'parameters' || key === 'requestBody' ? servedOnly(value, languages) : value,
      ]),
    );
  };
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => [
      path,
      Object.fromEntries(Object.entries(item as object).map(([k, v]) => [k, request(v)])),
    ]),
  );
}

/**
 * The OpenAPI 3.1 description of every route, with request bodies generated from the zod
 * schemas the routes validate with (`z.toJSONSchema`), so the document cannot drift from them.
 * The languages a request sends (parameters and bodies) are those served (`LANGUAGES`, see
 * {@link languageEnum}); answers keep the six.
 *
 * @example
 * app.get('/openapi.json', (c) => c.json(openApiDocument('https://news.example.org', ['en', 'uk'])));
 */
export function openApiDocument(
  serverUrl: string,
  languages: readonly LanguageCode[] = LANGUAGE_CODES,
) {
  const doc = document(serverUrl);
  return { ...doc, paths: requestsServedOnly(doc.paths, languages) as typeof doc.paths };
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
