import { LANGUAGE_CODES } from '@tidings/core';
import { z } from 'zod';
import { PROBLEMS, type ProblemCode } from '../problem.ts';

/**
 * The JSON schema of what a zod schema accepts (its input), for request bodies and queries.
 *
 * @example
 * schema: json(glossaryTermSchema)
 */
export const json = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

/**
 * Responses for the problems a route may answer, keyed by their status, each a `Problem`.
 *
 * @example
 * responses: { '200': ok('The page.'), ...problems('not-found') }
 */
export const problems = (...codes: ProblemCode[]) =>
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

/**
 * A successful response: its description and the schema of its body in one media type.
 *
 * @example
 * '200': ok('CSS.', { type: 'string' }, 'text/css')
 */
export const ok = (
  description: string,
  schema: object = { type: 'object' },
  type = 'application/json',
) => ({
  description,
  content: { [type]: { schema } },
});

/**
 * A required JSON request body, its schema generated from the zod schema the route validates with.
 *
 * @example
 * requestBody: body(createKeySchema)
 */
export const body = (schema: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: json(schema) } },
});

/**
 * A required path parameter.
 *
 * @example
 * parameters: [param('slug', 'The category.')]
 */
export const param = (name: string, description: string, schema: object = { type: 'string' }) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema,
});

/**
 * Query parameters from a strict object schema, each described by its own JSON schema.
 *
 * @example
 * parameters: queryParams(listingQuerySchema, { status: 'Only this state.' })
 */
export const queryParams = (schema: z.ZodObject, descriptions: Record<string, string>) =>
  Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: 'query',
    required: false,
    description: descriptions[name],
    schema: json(field as z.ZodType),
  }));

/**
 * The `{id}` path parameter: an article id.
 *
 * @example
 * parameters: [id, lang]
 */
export const id = param('id', 'The article id.', { type: 'string', format: 'uuid' });

/**
 * The `{lang}` path parameter: one of the languages served (the document narrows its enum).
 *
 * @example
 * parameters: [id, lang]
 */
export const lang = param('lang', 'One of the languages served (LANGUAGES).', {
  type: 'string',
  enum: [...LANGUAGE_CODES],
});

/**
 * The security of a route that takes an API key as a bearer token.
 *
 * @example
 * security: auth
 */
export const auth = [{ bearer: [] }];

/**
 * What any route that takes an API key may answer besides.
 *
 * @example
 * responses: { '200': ok('The workers.'), ...guarded }
 */
export const guarded = problems('bad-request', 'unauthorized', 'forbidden', 'rate-limited');

/**
 * What any route that reads a JSON body may answer besides.
 *
 * @example
 * responses: { '201': ok('Created.'), ...guarded, ...jsonWrite }
 */
export const jsonWrite = problems('payload-too-large', 'unsupported-media-type', 'validation');

/**
 * A successful HTML page.
 *
 * @example
 * '200': html('The page.')
 */
export const html = (description: string) => ok(description, { type: 'string' }, 'text/html');
