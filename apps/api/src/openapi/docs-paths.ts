import { PROBLEMS } from '../problem.ts';
import { html, ok, problems } from './operation-parts.ts';

/**
 * The documentation routes (`/openapi.json`, `/docs`, `/docs/problems/{code}`) in the OpenAPI
 * document.
 *
 * @example
 * paths: { ...OPERATIONS_PATHS, ...DOCS_PATHS }
 */
export const DOCS_PATHS = {
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
};
