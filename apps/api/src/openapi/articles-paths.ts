import { articleSubmissionSchema, translationEditSchema } from '@tidings/core';
import { listingQuerySchema } from '../routes/article-listing.ts';
import { ARTICLE_SCHEMAS } from './article-schemas.ts';
import {
  auth,
  body,
  guarded,
  id,
  jsonWrite,
  lang,
  ok,
  problems,
  queryParams,
} from './operation-parts.ts';

const {
  article: articleView,
  translation: translationView,
  listing,
  retries: retriesView,
} = ARTICLE_SCHEMAS;
const includePublished = {
  name: 'include',
  in: 'query',
  required: false,
  description:
    '`published`: translate published machine versions again too (to apply a changed glossary to this article); readers keep the published text until the new one is in.',
  schema: { type: 'string', enum: ['published'] },
};

/**
 * The article routes (`/v1/articles…`) in the OpenAPI document: post, list, read, edit, retry
 * and approve articles and their language versions.
 *
 * @example
 * paths: { ...ARTICLE_PATHS, ...KEY_PATHS }
 */
export const ARTICLE_PATHS = {
  '/v1/articles': {
    get: {
      summary: 'List articles and the review queue, newest revision first',
      description:
        'A publisher sees its own articles; editors and admins see all. Filters combine; `counts` says how many target language versions are in each state (for "7 need review").',
      security: auth,
      parameters: queryParams(listingQuerySchema, {
        status: 'Only articles with a target language in this state (in `language`, if given).',
        language: 'Only articles translated into this language.',
        q: "Words of the title, in any order, all in one language's title; case and accents are ignored.",
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
        '202': ok('A new revision of a known externalId; translations are queued.', articleView),
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
        'The body gives `title` and `body` (both required) and any of `summary`, `categories` and `imageAlt` (the image\'s alt text): a field left out keeps the language version\'s current value (for a needs_review language, the draft\'s), read when the correction is written, so a correction of the text alone never drops the language\'s categories from its category feeds; a field sent empty (`"summary": ""`, `"categories": []`) clears it. The correction goes live at once and teaches the translation memory: aligned with the source block by block (sentence by sentence where the counts agree), its sentences become human entries, so the same sentence in a later revision or another article gets the editor\'s wording without a model. An approval (with or without an edit) teaches it the same way. The memory is written after the answer; while Redis is away the lesson waits in the store and is taught again every RECONCILE_INTERVAL_MS.',
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
        'Without a body the needs_review draft goes live as the machine made it (status published); with a body like PUT /v1/articles/{id}/{lang} the edit goes live instead (status edited); `summary`, `categories` or `imageAlt` left out keep the values of the draft, sent empty they are cleared. Either way `approvedBy` and `approvedAt` record the approval (`approver`, like `editor` for an edit, names that key: `{ id, name }`; `name` is null for a publisher key, since key names stay in the newsroom, and for a key that is gone), and the page says the translation was reviewed. 409 when the language has no draft awaiting review.',
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
};
