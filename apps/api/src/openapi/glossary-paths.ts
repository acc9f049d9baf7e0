import { glossaryHistoryQuerySchema, glossaryTermSchema } from '../routes/glossary.ts';
import {
  auth,
  body,
  guarded,
  jsonWrite,
  ok,
  param,
  problems,
  queryParams,
} from './operation-parts.ts';

/**
 * The glossary routes (`/v1/glossary…`) in the OpenAPI document: read, change and see the
 * history of the terms every translation keeps.
 *
 * @example
 * paths: { ...KEY_PATHS, ...GLOSSARY_PATHS }
 */
export const GLOSSARY_PATHS = {
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
};
