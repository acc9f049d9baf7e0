import { html, problems } from './operation-parts.ts';

/**
 * The queue dashboard (`/admin/queues`, admin, for browsers) in the OpenAPI document.
 *
 * @example
 * paths: { ...DESK_PATHS, ...QUEUE_DASHBOARD_PATHS }
 */
export const QUEUE_DASHBOARD_PATHS = {
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
};
