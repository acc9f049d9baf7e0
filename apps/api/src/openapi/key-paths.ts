import { createKeySchema } from '../routes/keys.ts';
import { auth, body, guarded, jsonWrite, ok, param, problems } from './operation-parts.ts';

/**
 * The API key routes (`/v1/keys…`, admin) in the OpenAPI document.
 *
 * @example
 * paths: { ...ARTICLE_PATHS, ...KEY_PATHS }
 */
export const KEY_PATHS = {
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
};
