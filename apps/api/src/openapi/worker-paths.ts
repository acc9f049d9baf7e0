import { LANGUAGE_CODES } from '@tidings/core';
import { auth, guarded, ok, problems } from './operation-parts.ts';

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

/**
 * The workers route (`/v1/workers`, admin) in the OpenAPI document.
 *
 * @example
 * paths: { ...GLOSSARY_PATHS, ...WORKER_PATHS }
 */
export const WORKER_PATHS = {
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
};
