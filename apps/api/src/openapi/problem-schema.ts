/**
 * The JSON schema of an RFC 9457 problem, as every error is answered; the document's
 * `Problem` component.
 *
 * @example
 * components: { schemas: { Problem: PROBLEM_SCHEMA } }
 */
export const PROBLEM_SCHEMA = {
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
