import { ok } from './operation-parts.ts';

/**
 * The routes for operators (`/metrics`, `/healthz`, `/readyz`) in the OpenAPI document.
 *
 * @example
 * paths: { ...SITE_FILE_PATHS, ...OPERATIONS_PATHS }
 */
export const OPERATIONS_PATHS = {
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
};
