import {
  FAILURE_CODES,
  LANGUAGE_CODES,
  RETRY_SKIP_CODES,
  TRANSLATION_STATUSES,
} from '@tidings/core';
import { REVIEW_REASON_CODES } from '@tidings/translator/light';

/** A key beside its id, `{ id, name }`: `name` is null for a publisher caller or a key gone. */
function keyRef(what: string) {
  return {
    type: ['object', 'null'],
    description: `${what}, with its name for editor and admin callers (null for a publisher).`,
    properties: {
      id: { type: 'string', format: 'uuid' },
      name: { type: ['string', 'null'] },
    },
  };
}

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
    editedBy: { type: ['string', 'null'], format: 'uuid', description: 'The key that edited it.' },
    editor: keyRef('The key that edited it'),
    approvedBy: {
      type: ['string', 'null'],
      format: 'uuid',
      description: 'The key that approved the live version.',
    },
    approver: keyRef('The key that approved it'),
    approvedAt: { type: ['string', 'null'], format: 'date-time' },
    queuedAt: {
      type: ['string', 'null'],
      format: 'date-time',
      description:
        'When the current revision of this language was queued for translation; null for the source language.',
    },
    startedAt: {
      type: ['string', 'null'],
      format: 'date-time',
      description:
        "When the model started the live version; with `finishedAt`, how long it translated. Null for an editor's version (`editedBy` set: a correction, or a draft approved with an edit), which no model made, and while the language waits in the queue. For the source language, when its revision was stored.",
    },
    finishedAt: {
      type: ['string', 'null'],
      format: 'date-time',
      description:
        "When the live version was finished: the model's result for a machine version, the editor's save for an editor's version, the failure for a `failed` one. Null while the language is queued or being translated, and while an editor's version is `stale`.",
    },
    publishedAt: { type: ['string', 'null'], format: 'date-time' },
    links: { type: 'object', additionalProperties: { type: 'string' } },
  },
};

const reasonsSchema = {
  type: 'array',
  description:
    'Why the version needs review (or, published, what was repaired), one entry per reason: its `code` (see `locales/en/review.json`), the fields its sentence names (`placeholder`, `number`, `phrase`, `ratio`, `runs`, `repairs`; a placeholder reason, and each repair, may name its `element` (`link`, `emphasis`, `strong`, `code`, `image`, `line-break`, `other`) and the source text it `wraps`, both absent from reasons kept before them), the source `segment` it is about, and `text`, the sentence in the language `Accept-Language` asks for (English by default). Empty when there is none, or the version came from a worker older than this field (then `reason` is the English text). A `failed` language has one entry, why it failed: its `code` (`failed` in `locales/en/review.json`), its fields (`model`, `modelsDir`, `input`, `exit`, `stalls`, `jobs`, `problems`, `message`) and `text`; a failure kept before failures had codes is a `translation-error` whose `message` is its English text.',
  items: {
    oneOf: [
      {
        type: 'object',
        required: ['code', 'segment', 'text'],
        properties: {
          code: { type: 'string', enum: [...REVIEW_REASON_CODES] },
          segment: { type: 'string' },
          text: { type: 'string' },
        },
        additionalProperties: true,
      },
      {
        type: 'object',
        required: ['code', 'text'],
        properties: {
          code: { type: 'string', enum: [...FAILURE_CODES] },
          text: { type: 'string' },
        },
        additionalProperties: true,
      },
    ],
  },
};

const translationView = {
  type: 'object',
  properties: {
    ...languageState.properties,
    reasons: reasonsSchema,
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
    languages: {
      type: 'object',
      description:
        "Each target language's state; `reason` is the English text kept for older clients, `reasons` the same as data with texts in the language `Accept-Language` asks for.",
      additionalProperties: {
        type: 'object',
        properties: { ...languageState.properties, reasons: reasonsSchema },
      },
    },
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
              'queued: a fresh translation was queued; already: one was queued or running, and `job` is it; skipped: see `reasons` (and `reason`).',
          },
          status: { type: 'string', enum: [...TRANSLATION_STATUSES] },
          job: { type: ['string', 'null'], description: 'The translate job id.' },
          reason: { type: ['string', 'null'], description: 'Why it was skipped, in English.' },
          reasons: {
            type: 'array',
            description:
              'Why it was skipped, as data: one entry (none unless skipped), its `code` (`skipped` in `locales/en/review.json`), its fields (`language`, `status`, `revision`, `retry`, `stalls`, `retries`, `limit`, `retryable`) and `text`, the sentence in the language `Accept-Language` asks for (English by default).',
            items: {
              type: 'object',
              required: ['code', 'language', 'text'],
              properties: {
                code: { type: 'string', enum: [...RETRY_SKIP_CODES] },
                language: { type: 'string', enum: [...LANGUAGE_CODES] },
                text: { type: 'string' },
              },
              additionalProperties: true,
            },
          },
        },
      },
    },
    links: { type: 'object', additionalProperties: { type: 'string' } },
  },
};

/**
 * The JSON schemas of what the article routes answer: an article, one language version, a page
 * of the listing and the outcome of a retry. `article` is also the document's `Article` component.
 *
 * @example
 * ok('The language version.', ARTICLE_SCHEMAS.translation)
 */
export const ARTICLE_SCHEMAS = {
  article: articleView,
  translation: translationView,
  listing,
  retries: retriesView,
};
