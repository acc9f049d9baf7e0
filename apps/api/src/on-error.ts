import type { LanguageCode, Logger } from '@tidings/core';
import { translatorFor } from '@tidings/i18n';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { fieldProblemsIn } from './field-problem.ts';
import { requestLanguage } from './preferred-language.ts';
import {
  detailText,
  type FieldProblem,
  PROBLEMS,
  type ProblemCode,
  type ProblemDetail,
  ProblemError,
  problemType,
} from './problem.ts';
import { storeProblem } from './store-problem.ts';

function codeOfStatus(status: number): ProblemCode {
  const found = (Object.entries(PROBLEMS) as [ProblemCode, number][]).find(([, s]) => s === status);
  return found?.[0] ?? (status >= 500 ? 'internal' : 'bad-request');
}

/** A problem's human text in one language: its title and its detail. */
function problemText(
  code: ProblemCode,
  detail: ProblemDetail | undefined,
  language: LanguageCode,
): { title: string; detail: string } {
  const title = translatorFor(language)(`errors:problem.${code}.title`);
  return { title, detail: detail === undefined ? title : detailText(detail, language) };
}

/**
 * The RFC 9457 body of a problem, as text, in `language` (English by default); for answers
 * written where there is no Hono context (the HTTP server's own errors).
 *
 * @example
 * problemJson('bad-request', { key: 'host-invalid' }, '/v1/articles', 'https://news.example.org');
 */
export function problemJson(
  code: ProblemCode,
  detail: ProblemDetail | undefined,
  instance: string,
  base: string,
  options: { errors?: readonly FieldProblem[] | undefined; language?: LanguageCode } = {},
): string {
  const language = options.language ?? 'en';
  const text = problemText(code, detail, language);
  return JSON.stringify({
    type: problemType(code, base),
    title: text.title,
    status: PROBLEMS[code],
    detail: text.detail,
    instance,
    ...(options.errors ? { errors: fieldProblemsIn(options.errors, language) } : {}),
  });
}

/** The media type of every problem the API answers. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/**
 * The base of problem `type` URIs: `PUBLIC_URL` when the app has one, else the request's origin.
 *
 * @example
 * problemBase(c); // 'https://news.example.org'
 */
export function problemBase(c: Context): string {
  const configured = (c.get as (key: string) => unknown)('publicUrl');
  if (typeof configured === 'string') return configured;
  try {
    return new URL(c.req.url).origin;
  } catch {
    return 'http://localhost';
  }
}

/**
 * Renders a problem as RFC 9457 `application/problem+json`, its title and detail in the language
 * the request asks for (`Accept-Language`, English by default), said in `Content-Language`.
 *
 * @example
 * return problemResponse(c, 'not-found', { key: 'article-not-found', fields: { id: '42' } });
 */
export function problemResponse(
  c: Context,
  code: ProblemCode,
  detail: ProblemDetail | undefined,
  extra: { errors?: readonly FieldProblem[]; headers?: Record<string, string> } = {},
): Response {
  const language = requestLanguage(c);
  const body = problemJson(code, detail, c.req.path, problemBase(c), {
    errors: extra.errors,
    language,
  });
  return c.body(body, PROBLEMS[code], {
    'content-type': PROBLEM_CONTENT_TYPE,
    'content-language': language,
    vary: 'accept-language',
    ...extra.headers,
  });
}

/** Whether an error only says that the client hung up while its request was being read. */
function clientGone(c: Context, error: Error): boolean {
  const code =
    (error as NodeJS.ErrnoException).code ??
    (error.cause as NodeJS.ErrnoException | undefined)?.code;
  return (
    c.req.raw.signal.aborted ||
    code === 'ECONNRESET' ||
    code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    error.message === 'aborted'
  );
}

/**
 * The single error handler: every error becomes problem+json; unknown errors are logged in
 * full and answered with a 500 that leaks nothing.
 *
 * @example
 * app.onError(errorHandler(logger));
 */
export function errorHandler(logger: Logger): ErrorHandler {
  return (error, c) => {
    if (error instanceof ProblemError) {
      return problemResponse(c, error.code, error.detail, error.extra);
    }
    const fromStore = storeProblem(error);
    if (fromStore) return problemResponse(c, fromStore.code, fromStore.detail);
    if (error instanceof HTTPException) {
      // Hono's own words are English and may say too much: the answer gives the problem's
      // title (or, for a 500, the internal detail) in the reader's language.
      const code = codeOfStatus(error.status);
      if (code === 'internal') {
        logger.error({ err: error, path: c.req.path }, 'http exception');
        return problemResponse(c, code, { key: 'internal' });
      }
      logger.debug({ err: error, path: c.req.path }, 'http exception');
      return problemResponse(c, code, undefined);
    }
    if (clientGone(c, error)) {
      // Nobody reads this answer; a client that hangs up is no fault of the API.
      logger.debug(
        { err: error, path: c.req.path, requestId: c.get('requestId') },
        'client aborted',
      );
      return problemResponse(c, 'bad-request', { key: 'client-gone' });
    }
    logger.error(
      { err: error, path: c.req.path, requestId: c.get('requestId') },
      'unhandled error',
    );
    return problemResponse(c, 'internal', { key: 'internal' });
  };
}

/** Every unknown route answers 404 problem+json. */
export const notFoundHandler: NotFoundHandler = (c) =>
  problemResponse(c, 'not-found', { key: 'route-not-found', fields: { path: c.req.path } });
