import type { LanguageCode } from '@tidings/core';
import type { Context } from 'hono';
import type { z } from 'zod';
import { fieldProblem, fieldText, parseIn } from '../field-problem.ts';
import { requestLanguage } from '../preferred-language.ts';
import { type ProblemDetail, ProblemError } from '../problem.ts';

// A request's JSON body, read once and refused early: its bytes as UTF-8, its shape (depth,
// duplicate and prototype keys) before anything walks it, then its fields against a schema.

/** How deeply a request's JSON may nest objects and arrays; an article needs three levels. */
const MAX_JSON_DEPTH = 32;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** What is wrong with the shape of a JSON text, and where (a dotted path; `` for the root). */
type JsonShapeProblem =
  | { readonly kind: 'too-deep'; readonly path: string }
  | { readonly kind: 'duplicate-key'; readonly path: string }
  | { readonly kind: 'forbidden-key'; readonly path: string };

interface Frame {
  readonly object: boolean;
  readonly path: string;
  readonly keys: Set<string>;
  index: number;
  key: string;
}

const child = (frame: Frame | undefined): string => {
  if (!frame) return '';
  const name = frame.object ? frame.key : String(frame.index);
  return frame.path ? `${frame.path}.${name}` : name;
};

/**
 * Finds what `JSON.parse` lets through silently or what walking the result would choke on:
 * nesting deeper than `maxDepth`, a key given twice in one object (JSON.parse keeps the last),
 * and `__proto__`-style keys. One pass over text already known to be valid JSON, with an
 * explicit stack: no recursion, so no depth can overflow it.
 *
 * @example
 * inspectJsonShape('{"title":"a","title":"b"}'); // { kind: 'duplicate-key', path: 'title' }
 */
function inspectJsonShape(
  text: string,
  maxDepth: number = MAX_JSON_DEPTH,
): JsonShapeProblem | undefined {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      // `{` or `[`
      const path = child(stack[stack.length - 1]);
      if (stack.length >= maxDepth) return { kind: 'too-deep', path };
      stack.push({ object: c === 0x7b, path, keys: new Set(), index: 0, key: '' });
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
    } else if (c === 0x2c) {
      // `,` between members or elements
      const top = stack[stack.length - 1];
      if (top) top.index++;
    } else if (c === 0x22) {
      // A string: find its end, skipping escaped characters.
      let end = i + 1;
      while (text.charCodeAt(end) !== 0x22) end += text.charCodeAt(end) === 0x5c ? 2 : 1;
      const top = stack[stack.length - 1];
      let after = end + 1;
      while (/\s/.test(text[after] ?? '')) after++;
      if (top?.object && text[after] === ':') {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        top.key = key;
        if (FORBIDDEN_KEYS.has(key)) return { kind: 'forbidden-key', path: child(top) };
        if (top.keys.has(key)) return { kind: 'duplicate-key', path: child(top) };
        top.keys.add(key);
      }
      i = end;
    }
  }
  return undefined;
}

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
  const detail = { key, fields: { fields: named } } satisfies ProblemDetail;
  return new ProblemError(code, detail, {
    errors: (fields.length > 0 ? fields : ['body']).map((field) => fieldProblem(field, why)),
  });
}

/**
 * The 422 for text holding a NUL character (U+0000), which no store can hold (PostgreSQL's
 * `text` and `jsonb` refuse it): each field named, told in `language`, as a schema's
 * `storableText` refusal would be.
 *
 * @example
 * throw nulCharacterProblem(['image.url'], 'en');
 */
export function nulCharacterProblem(
  fields: readonly string[],
  language: LanguageCode,
): ProblemError {
  const reason = fieldText('nul-character', language);
  return new ProblemError(
    'validation',
    { key: 'request-invalid', fields: { errors: fields.map((f) => `${f}: ${reason}`).join('; ') } },
    { errors: fields.map((field) => fieldProblem(field, 'nul-character')) },
  );
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
 * not well-formed Unicode (a lone surrogate) 422, a body that is no JSON object 422, a string holding a NUL character 422 (for
 * every route at once: no field can be stored with one), and a schema failure 422; each names
 * the offending field.
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
  // Every JSON route takes an object: an array, null or a lone value is said as such, not as
  // zod's "body: expected object", which reads like the article's `body` field.
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ProblemError(
      'validation',
      { key: 'body-not-object' },
      { errors: [fieldProblem('', 'json-object')] },
    );
  }
  // One walk over the strings for both refusals; only a body that has one is walked again to
  // tell them apart (a lone surrogate is said first, as before).
  if (stringPaths(raw, (s) => LONE_SURROGATE.test(s) || s.includes('\u0000')).length > 0) {
    const malformed = stringPaths(raw, (s) => LONE_SURROGATE.test(s));
    if (malformed.length > 0) {
      throw badText('validation', malformed, 'text-lone-surrogate');
    }
    throw nulCharacterProblem(
      stringPaths(raw, (s) => s.includes('\u0000')),
      language,
    );
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
