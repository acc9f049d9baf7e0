import {
  articleSubmissionSchema,
  LANGUAGE_CODES,
  TRANSLATION_STATUSES,
  translationEditSchema,
} from '@tidings/core';
import { REVIEW_REASON_CODES } from '@tidings/translator';
import { z } from 'zod';
import { PROBLEMS, type ProblemCode } from '../problem.ts';
import { listingQuerySchema } from '../routes/article-listing.ts';
import { glossaryHistoryQuerySchema, glossaryTermSchema } from '../routes/glossary.ts';
import { createKeySchema } from '../routes/keys.ts';
import { DESK_PATHS } from './desk-paths.ts';

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'instance'],
  properties: {
    type: {
      type: 'string',
      format: 'uri',
      description:
        'Stable problem type, an absolute URI `<PUBLIC_URL>/docs/problems/<code>` whose page says what it means.',
    },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string', description: 'What went wrong, for a person.' },
    instance: { type: 'string', description: 'The request path.' },
    errors: {
      type: 'array',
      description: 'For validation problems: each offending field.',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const languageState = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: [...TRANSLATION_STATUSES] },
    revision: { type: 'integer' },
    model: { type: ['string', 'null'] },
    demo: {
      type: 'boolean',
      description: 'A demo model (MODELS=demo) made this version: a demo translation.',
    },
    reason: { type: ['string', 'null'] },
    publishedAt: { type: ['string', 'null'], format: 'date-time' },
    links: { type: 'object', additionalProperties: { type: 'string' } },
  },
};

const translationView = {
  type: 'object',
  properties: {
    ...languageState.properties,
    reasons: {
      type: 'array',
      description:
        'Why the version needs review (or, published, what was repaired), one entry per reason: its `code` (see `locales/en/review.json`), the fields its sentence names (`placeholder`, `number`, `phrase`, `ratio`, `runs`, `repairs`), the source `segment` it is about, and `text`, the sentence in the language `Accept-Language` asks for (English by default). Empty when there is none, or the version came from a worker older than this field (then `reason` is the English text).',
      items: {
        type: 'object',
        required: ['code', 'segment', 'text'],
        properties: {
          code: { type: 'string', enum: [...REVIEW_REASON_CODES] },
          segment: { type: 'string' },
          text: { type: 'string' },
        },
        additionalProperties: true,
      },
    },
  },
};

const articleView = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    slug: { type: 'string' },
    sourceLanguage: { type: 'string', enum: [...LANGUAGE_CODES] },
    revision: { type: 'integer' },
    content: { type: 'object' },
    languages: { type: 'object', additionalProperties: languageState },
    links: { type: 'object', additionalProperties: { type: 'string' } },
  },
};

const listing = {
  type: 'object',
  required: ['items', 'counts', 'nextCursor'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          slug: { type: 'string' },
          title: { type: 'string', description: 'In the source language.' },
          sourceLanguage: { type: 'string', enum: [...LANGUAGE_CODES] },
          revision: { type: 'integer' },
          updatedAt: { type: 'string', format: 'date-time' },
          languages: { type: 'object', additionalProperties: languageState },
        },
      },
    },
    counts: {
      type: 'object',
      description: 'Target language versions in each state, under the filters except status.',
      additionalProperties: { type: 'integer' },
    },
    nextCursor: { type: ['string', 'null'] },
    links: { type: 'object', properties: { next: { type: ['string', 'null'] } } },
  },
};

const retriesView = {
  type: 'object',
  properties: {
    articleId: { type: 'string', format: 'uuid' },
    retries: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          language: { type: 'string', enum: [...LANGUAGE_CODES] },
          outcome: {
            type: 'string',
            enum: ['queued', 'already', 'skipped'],
            description:
              'queued: a fresh translation was queued; already: one was queued or running, and `job` is it; skipped: see `reason`.',
          },
          status: { type: 'string', enum: [...TRANSLATION_STATUSES] },
          job: { type: ['string', 'null'], description: 'The translate job id.' },
          reason: { type: ['string', 'null'], description: 'Why it was skipped.' },
        },
      },
    },
    links: { type: 'object', additionalProperties: { type: 'string' } },
  },
};

const workersView = {
  type: 'object',
  properties: {
    alive: { type: 'integer' },
    silent: { type: 'integer' },
    workers: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', description: 'host:pid:random, also the BullMQ worker name.' },
          state: {
            type: 'string',
            enum: ['alive', 'silent'],
            description: 'Silent: no heartbeat for longer than silentAfterMs.',
          },
          host: { type: 'string' },
          pid: { type: 'integer' },
          version: { type: 'string' },
          startedAt: { type: 'string', format: 'date-time' },
          lastSeenAt: { type: 'string', format: 'date-time' },
          lastSeenAgoMs: { type: 'integer' },
          concurrency: { type: 'integer' },
          lockDurationMs: { type: 'integer' },
          heartbeatMs: { type: 'integer' },
          silentAfterMs: { type: 'integer' },
          models: { type: 'array', items: { type: 'string' } },
          jobs: {
            type: 'array',
            description: 'The jobs it holds; for a silent worker, those it held when last heard.',
            items: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                articleId: { type: 'string' },
                revision: { type: 'integer' },
                language: { type: 'string', enum: [...LANGUAGE_CODES] },
                since: { type: 'string', format: 'date-time' },
              },
            },
          },
        },
      },
    },
  },
};

const problems = (...codes: ProblemCode[]) =>
  Object.fromEntries(
    codes.map((code) => [
      String(PROBLEMS[code]),
      {
        description: code,
        content: {
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        },
      },
    ]),
  );

const ok = (
  description: string,
  schema: object = { type: 'object' },
  type = 'application/json',
) => ({
  description,
  content: { [type]: { schema } },
});
const body = (schema: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: json(schema) } },
});
const includePublished = {
  name: 'include',
  in: 'query',
  required: false,
  description:
    '`published`: translate published machine versions again too (to apply a changed glossary to this article); readers keep the published text until the new one is in.',
  schema: { type: 'string', enum: ['published'] },
};

const param = (name: string, description: string, schema: object = { type: 'string' }) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema,
});
/** Query parameters from a strict object schema, each described by its own JSON schema. */
const queryParams = (schema: z.ZodObject, descriptions: Record<string, string>) =>
  Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: 'query',
    required: false,
    description: descriptions[name],
    schema: json(field as z.ZodType),
  }));
const id = param('id', 'The article id.', { type: 'string', format: 'uuid' });
const lang = param('lang', 'One of the six languages.', {
  type: 'string',
  enum: [...LANGUAGE_CODES],
});
const auth = [{ bearer: [] }];
const guarded = problems('bad-request', 'unauthorized', 'forbidden', 'rate-limited');
/** What any route that reads a JSON body may answer besides. */
const jsonWrite = problems('payload-too-large', 'unsupported-media-type', 'validation');
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
const html = (description: string) => ok(description, { type: 'string' }, 'text/html');

/**
 * The OpenAPI 3.1 description of every route, with request bodies generated from the zod
 * schemas the routes validate with (`z.toJSONSchema`), so the document cannot drift from them.
 *
 * @example
 * app.get('/openapi.json', (c) => c.json(openApiDocument('https://news.example.org')));
 */
export function openApiDocument(serverUrl: string) {
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
      schemas: { Problem: problemSchema, Article: articleView },
    },
    paths: {
      '/v1/articles': {
        get: {
          summary: 'List articles and the review queue, newest revision first',
          description:
            'A publisher sees its own articles; editors and admins see all. Filters combine; `counts` says how many target language versions are in each state (for "7 need review").',
          security: auth,
          parameters: queryParams(listingQuerySchema, {
            status: 'Only articles with a target language in this state (in `language`, if given).',
            language: 'Only articles translated into this language.',
            q: 'Words of the title in any language; case and accents are ignored.',
            publisher: "Only this publisher key's articles (admin keys only).",
            cursor: 'The `nextCursor` of the previous page.',
            limit: 'Articles per page, 1 to 100.',
          }),
          responses: {
            '200': ok('A page of articles with the state of each language.', listing),
            ...guarded,
            ...problems('validation'),
          },
        },
        post: {
          summary: 'Publish an article (or a new revision of a known externalId)',
          security: auth,
          requestBody: body(articleSubmissionSchema),
          responses: {
            '200': ok('Nothing new: the same content was posted before.', articleView),
            '201': ok('Created; translations are queued.', articleView),
            '202': ok(
              'A new revision of a known externalId; translations are queued.',
              articleView,
            ),
            ...guarded,
            ...jsonWrite,
            ...problems('unavailable'),
          },
        },
      },
      '/v1/articles/{id}': {
        parameters: [id],
        get: {
          summary: 'The article and the state of every language',
          security: auth,
          responses: {
            '200': ok('The article.', articleView),
            ...guarded,
            ...problems('not-found'),
          },
        },
        put: {
          summary: 'A new revision; only changed segments are translated again',
          security: auth,
          requestBody: body(articleSubmissionSchema),
          responses: {
            '200': ok('Unchanged.', articleView),
            '202': ok('Revised; translations are queued.', articleView),
            ...guarded,
            ...jsonWrite,
            ...problems('not-found', 'conflict', 'unavailable'),
          },
        },
        delete: {
          summary: 'Retract the article from every language',
          security: auth,
          responses: { '200': ok('Retracted.', articleView), ...guarded, ...problems('not-found') },
        },
      },
      '/v1/articles/{id}/{lang}': {
        parameters: [id, lang],
        get: {
          summary: 'One language version',
          description:
            "`content` is what readers see. `draft` is the machine's latest version of the current revision when it is not live: awaiting review (needs_review), or beside an editor's correction whose source was revised since (stale). For a stale version, `sourceChange` says how the source changed since the revision the correction was made against: the title and summary, and the body block by block (`added`, `removed`, `changed`, with the old and new text). `segments` lists every translated sentence of the live version's source in order: `{ block, source, origin }`, where `block` counts title 0, summary 1, the categories, the image's alt text, the body's blocks, then the body images' alt texts, `source` is the sentence as a reader sees it, and `origin` is `model` (a model translated it), `machine-memory` (the translation memory's earlier machine translation), `human-memory` (an editor's earlier correction or approval of the same sentence in this language pair, so no model was asked) or `human` (this version is an editor's). `origins` counts them: `{ human, humanMemory, machineMemory, model }`. Both are `null` and `[]` when no version is live or it was made before this was recorded.",
          parameters: [
            {
              name: 'Accept-Language',
              in: 'header',
              required: false,
              description: "The language of each review reason's `text` (en, es, de, fr, it, uk).",
              schema: { type: 'string' },
            },
          ],
          security: auth,
          responses: {
            '200': ok('The language version.', translationView),
            ...guarded,
            ...problems('not-found'),
          },
        },
        put: {
          summary: "An editor's correction; never overwritten by a machine translation",
          description:
            "The correction goes live at once and teaches the translation memory: aligned with the source block by block (sentence by sentence where the counts agree), its sentences become human entries, so the same sentence in a later revision or another article gets the editor's wording without a model. An approval (with or without an edit) teaches it the same way. The memory is written after the answer; while Redis is away the lesson waits in the store and is taught again every RECONCILE_INTERVAL_MS.",
          security: auth,
          requestBody: body(translationEditSchema),
          responses: {
            '200': ok('The corrected version, status edited.'),
            ...guarded,
            ...jsonWrite,
            ...problems('not-found', 'conflict'),
          },
        },
      },
      '/v1/articles/{id}/retry': {
        parameters: [id, includePublished],
        post: {
          summary: 'Translate every failed or needs_review language of the current revision again',
          description:
            "Idempotent: a language already queued or translating is reported with its job, never given a second one. An editor's correction (edited, stale) and, without `include=published`, a published version are skipped, with the reason. Publishers retry their own articles; editors and admins any.",
          security: auth,
          responses: {
            '200': ok('Nothing to retry; every language says why.', retriesView),
            '202': ok('Fresh translations queued (or already on their way).', retriesView),
            ...guarded,
            ...problems('not-found', 'conflict', 'unavailable', 'validation'),
          },
        },
      },
      '/v1/articles/{id}/{lang}/retry': {
        parameters: [id, lang, includePublished],
        post: {
          summary: 'Translate one failed or needs_review language of the current revision again',
          description:
            "Idempotent: while a translation of it is queued or running, the answer is 202 with that job. 409 for an editor's correction (never replaced by a machine), a published version (unless `include=published`), the source language or a retracted article.",
          security: auth,
          responses: {
            '202': ok('A fresh translation is queued (or already on its way).', retriesView),
            ...guarded,
            ...problems('not-found', 'conflict', 'unavailable', 'validation'),
          },
        },
      },
      '/v1/articles/{id}/{lang}/approve': {
        parameters: [id, lang],
        post: {
          summary: 'Publish a draft held for review (editor), as it is or with an edit',
          description:
            'Without a body the needs_review draft goes live as the machine made it (status published); with a body like PUT /v1/articles/{id}/{lang} the edit goes live instead (status edited). Either way `approvedBy` and `approvedAt` record the approval, and the page says the translation was reviewed. 409 when the language has no draft awaiting review.',
          security: auth,
          requestBody: { ...body(translationEditSchema), required: false },
          responses: {
            '200': ok('The approved version, live.'),
            ...guarded,
            ...jsonWrite,
            ...problems('not-found', 'conflict'),
          },
        },
      },
      '/v1/keys': {
        post: {
          summary: 'Make an API key (admin); its token is shown once',
          security: auth,
          requestBody: body(createKeySchema),
          responses: {
            '201': ok('The key and its token.'),
            ...guarded,
            ...jsonWrite,
          },
        },
        get: {
          summary: 'List API keys (admin)',
          security: auth,
          responses: { '200': ok('The keys, without tokens.'), ...guarded },
        },
      },
      '/v1/keys/{id}': {
        parameters: [param('id', 'The key id.')],
        delete: {
          summary: 'Revoke an API key (admin); the last admin key cannot be revoked (409)',
          security: auth,
          responses: {
            '200': ok('The revoked key.'),
            ...guarded,
            ...problems('not-found', 'conflict'),
          },
        },
      },
      '/v1/glossary': {
        get: {
          summary: 'The glossary (editor): its version and every term',
          description:
            'A term without `translations` is never translated; with them it is written that way in each listed language and kept as written in the others. `from` limits a term to articles in one language. `updatedBy` is the key that last changed it (null: seeded from GLOSSARY).',
          security: auth,
          responses: { '200': ok('The version and the terms, by source.'), ...guarded },
        },
      },
      '/v1/glossary/history': {
        get: {
          summary: "The glossary's history (editor): who changed what when, newest first",
          description:
            'Each change: `version` (the glossary version it made), `source` (the term), `change` (`set` or `remove`), `term` (what was set: `from`, `translations`, `caseSensitive`; null for a removal), `author` (`{ id, name }` of the key; null for the seed from GLOSSARY) and `changedAt`. `next` is the `before` of the next, older page (null on the last).',
          security: auth,
          parameters: queryParams(glossaryHistoryQuerySchema, {
            term: "Only this term's changes (its source text, exactly).",
            before: 'Only changes older than this version: the `next` of the previous page.',
            limit: 'Changes per page, 1 to 100 (default 50).',
          }),
          responses: {
            '200': ok('The changes and the next page.'),
            ...guarded,
            ...problems('validation'),
          },
        },
      },
      '/v1/glossary/{term}': {
        parameters: [param('term', 'The term as it appears in a source text (URL-encoded).')],
        put: {
          summary: 'Add or replace a glossary term (editor)',
          description:
            'Each change is a new version, with its author and time; workers use it from their next job, without a restart. Published translations are not rewritten: `POST /v1/articles/{id}/retry?include=published` applies the glossary to one article.',
          security: auth,
          requestBody: body(glossaryTermSchema),
          responses: {
            '200': ok('The term replaced, and the new version.'),
            '201': ok('The term added, and the new version.'),
            ...guarded,
            ...jsonWrite,
          },
        },
        delete: {
          summary: 'Remove a glossary term (editor)',
          security: auth,
          responses: {
            '200': ok('The new version.'),
            ...guarded,
            ...problems('not-found'),
          },
        },
      },
      '/v1/workers': {
        get: {
          summary:
            'Every worker heard from in the last hour (admin): alive or silent, its host, pid, version, models, the jobs it holds, when it was last heard',
          security: auth,
          responses: {
            '200': ok('The workers, alive ones first.', workersView),
            ...guarded,
            ...problems('unavailable'),
          },
        },
      },
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
      ...DESK_PATHS,
      '/admin/queues': {
        get: {
          summary:
            "The operators' queue dashboard (bull-board); an admin key as Bearer or as the Basic password",
          security: [{ bearer: [] }, { adminBasic: [] }],
          responses: {
            '200': html('The dashboard.'),
            ...problems('unauthorized'),
          },
        },
      },
      '/admin/queues/': {
        get: {
          summary: 'Redirects to /admin/queues (where the dashboard links its own logo)',
          security: [{ bearer: [] }, { adminBasic: [] }],
          responses: { '301': { description: 'To /admin/queues.' }, ...problems('unauthorized') },
        },
      },
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
      '/metrics': {
        get: {
          summary: 'Prometheus metrics',
          responses: { '200': ok('Prometheus text format.', { type: 'string' }, 'text/plain') },
        },
      },
      '/healthz': { get: { summary: 'Alive', responses: { '200': ok('Alive.') } } },
      '/readyz': {
        get: {
          summary: 'Redis and the store answer',
          responses: { '200': ok('Ready.'), '503': ok('Not ready; names what fails.') },
        },
      },
      '/openapi.json': {
        get: { summary: 'This document', responses: { '200': ok('OpenAPI 3.1.') } },
      },
      '/docs': {
        get: { summary: 'API documentation to read', responses: { '200': html('The page.') } },
      },
      '/docs/problems/{code}': {
        get: {
          summary: 'What a problem type means',
          description:
            "The page a problem's `type` URI names: what the problem means and what to do, in the language `Accept-Language` asks for (English by default).",
          parameters: [
            {
              name: 'code',
              in: 'path',
              required: true,
              schema: { type: 'string', enum: Object.keys(PROBLEMS) },
            },
          ],
          responses: { '200': html('The page.'), ...problems('not-found') },
        },
      },
    },
  };
}
