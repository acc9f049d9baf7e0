import type { LanguageCode } from '@tidings/core';
import type { Context } from 'hono';
import type { z } from 'zod';
import { fieldProblem, parseIn } from '../field-problem.ts';
import { requestLanguage } from '../preferred-language.ts';
import { type ProblemDetail, ProblemError } from '../problem.ts';
import { inspectJsonShape, MAX_JSON_DEPTH } from './json-shape.ts';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const LENIENT_UTF8 = new TextDecoder('utf-8');

/** The paths (`title`, `categories.2`) of every string in `value` for which `test` holds. */
function stringPaths(value: unknown, test: (s: string) => boolean): string[] {
  const found: string[] = [];
  // An explicit stack: the depth is bounded already, but recursion need not be trusted.
  const stack: [unknown, string][] = [[value, '']];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [v, path] = next;
    if (typeof v === 'string') {
      if (test(v)) found.push(path || 'body');
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) stack.push([child, path ? `${path}.${k}` : k]);
    }
  }
  return found.sort();
}

function badText(
  code: 'bad-request' | 'validation',
  fields: string[],
  key: 'text-not-utf8' | 'text-lone-surrogate',
): ProblemError {
  const named = fields.length > 0 ? fields.join(', ') : 'body';
  const why = key === 'text-not-utf8' ? 'bytes-not-utf8' : 'lone-surrogate';
  const detail: ProblemDetail =
    key === 'text-not-utf8'
      ? { key, fields: { fields: named } }
      : { key, fields: { fields: named } };
  return new ProblemError(code, detail, {
    errors: (fields.length > 0 ? fields : ['body']).map((field) => fieldProblem(field, why)),
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // The parser's own message quotes the input, which may be binary: only its position is kept.
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new ProblemError(
      'bad-request',
      at === undefined ? { key: 'json-invalid' } : { key: 'json-invalid-at', fields: { at } },
    );
  }
}

/**
 * Reads a JSON request body and validates it: a compressed body 415, wrong content type 415,
 * bytes that are not UTF-8 400, malformed JSON 400, nesting deeper than
 * {@link MAX_JSON_DEPTH}, a duplicate key or a `__proto__`-style key 400, a string that is
 * not well-formed Unicode (a lone surrogate) 422, and a schema failure 422; each names the
 * offending field.
 *
 * @example
 * const input = await readJson(c, articleSubmissionSchema);
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const language = requestLanguage(c);
  const encoding = c.req.header('content-encoding')?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    throw new ProblemError(
      'unsupported-media-type',
      { key: 'content-encoding-refused', fields: { encoding } },
      { headers: { 'accept-encoding': 'identity' } },
    );
  }
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\s*(;|$)/i.test(type)) {
    throw new ProblemError(
      'unsupported-media-type',
      type ? { key: 'content-type-refused', fields: { type } } : { key: 'content-type-missing' },
    );
  }
  const bytes = await c.req.arrayBuffer();
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    // Decoded again leniently only to say which fields hold the bad bytes.
    const lenient = LENIENT_UTF8.decode(bytes);
    let fields: string[] = [];
    try {
      fields = stringPaths(JSON.parse(lenient), (s) => s.includes('\uFFFD'));
    } catch {}
    throw badText('bad-request', fields, 'text-not-utf8');
  }
  const raw = parseJson(text);
  const shape = inspectJsonShape(text);
  if (shape?.kind === 'too-deep') {
    throw new ProblemError(
      'bad-request',
      shape.path
        ? { key: 'json-too-deep', fields: { max: MAX_JSON_DEPTH, path: shape.path } }
        : { key: 'json-too-deep-top', fields: { max: MAX_JSON_DEPTH } },
      {
        errors: [fieldProblem(shape.path || 'body', 'too-deep', { max: MAX_JSON_DEPTH })],
      },
    );
  }
  if (shape?.kind === 'duplicate-key') {
    throw new ProblemError(
      'bad-request',
      { key: 'json-duplicate-key', fields: { path: shape.path } },
      { errors: [fieldProblem(shape.path, 'duplicate-key')] },
    );
  }
  if (shape?.kind === 'forbidden-key') {
    throw new ProblemError(
      'bad-request',
      { key: 'json-forbidden-key' },
      { errors: [fieldProblem(shape.path, 'forbidden-key')] },
    );
  }
  const malformed = stringPaths(raw, (s) => LONE_SURROGATE.test(s));
  if (malformed.length > 0) {
    throw badText('validation', malformed, 'text-lone-surrogate');
  }
  return validated(schema, raw, language);
}

/**
 * Validates a request's data against a schema: a failure is a 422 naming every offending field,
 * each told in `language` (the request's).
 *
 * @example
 * const query = validated(listingQuerySchema, c.req.query(), requestLanguage(c));
 */
export function validated<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  language: LanguageCode,
): z.output<S> {
  const parsed = parseIn(schema, raw, language);
  if (!parsed.success) {
    const { errors } = parsed;
    throw new ProblemError(
      'validation',
      {
        key: 'request-invalid',
        fields: { errors: errors.map((e) => `${e.field || 'body'}: ${e.message}`).join('; ') },
      },
      { errors },
    );
  }
  return parsed.data;
}
