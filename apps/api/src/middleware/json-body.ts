import type { Context } from 'hono';
import type { z } from 'zod';
import { type FieldProblem, ProblemError } from '../problem.ts';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function hasForbiddenKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasForbiddenKey);
  if (value === null || typeof value !== 'object') return false;
  return Object.keys(value).some(
    (k) => FORBIDDEN_KEYS.has(k) || hasForbiddenKey(value[k as keyof typeof value]),
  );
}

/**
 * Reads a JSON request body and validates it: wrong content type 415, malformed JSON 400,
 * `__proto__`-style keys 400, a schema failure 422 naming every offending field.
 *
 * @example
 * const input = await readJson(c, articleSubmissionSchema);
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\s*(;|$)/i.test(type)) {
    throw new ProblemError(
      'unsupported-media-type',
      `Send the article as JSON (Content-Type: application/json), not ${type || 'no content type'}.`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch (error) {
    throw new ProblemError(
      'bad-request',
      `The body is not valid JSON: ${(error as Error).message}.`,
    );
  }
  if (hasForbiddenKey(raw)) {
    throw new ProblemError(
      'bad-request',
      'Keys named __proto__, constructor or prototype are refused.',
    );
  }
  return validated(schema, raw);
}

/**
 * Validates a request's data against a schema: a failure is a 422 naming every offending field.
 *
 * @example
 * const query = validated(listingQuerySchema, c.req.query());
 */
export function validated<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const errors: FieldProblem[] = parsed.error.issues.map((issue) => ({
      field:
        issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : ''),
      message: issue.message,
    }));
    throw new ProblemError(
      'validation',
      `The request is not valid: ${errors.map((e) => `${e.field || 'body'}: ${e.message}`).join('; ')}.`,
      { errors },
    );
  }
  return parsed.data;
}
