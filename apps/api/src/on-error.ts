import type { Logger } from '@tidings/core';
import { ConflictError, InvalidCursorError, NotFoundError } from '@tidings/store';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import {
  type FieldProblem,
  PROBLEMS,
  type ProblemCode,
  ProblemError,
  problemType,
} from './problem.ts';

const TITLES: Record<ProblemCode, string> = {
  'bad-request': 'Bad request',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  'not-found': 'Not found',
  'method-not-allowed': 'Method not allowed',
  'request-timeout': 'Request timeout',
  conflict: 'Conflict',
  'payload-too-large': 'Payload too large',
  'unsupported-media-type': 'Unsupported media type',
  validation: 'Validation failed',
  'rate-limited': 'Too many requests',
  'headers-too-large': 'Request header fields too large',
  internal: 'Internal error',
  unavailable: 'Service unavailable',
};

function codeOfStatus(status: number): ProblemCode {
  const found = (Object.entries(PROBLEMS) as [ProblemCode, number][]).find(([, s]) => s === status);
  return found?.[0] ?? (status >= 500 ? 'internal' : 'bad-request');
}

/**
 * The RFC 9457 body of a problem, as text; for answers written where there is no Hono context
 * (the HTTP server's own errors).
 *
 * @example
 * problemJson('bad-request', 'The Host header is not a host name.', '/v1/articles');
 */
export function problemJson(
  code: ProblemCode,
  detail: string,
  instance: string,
  errors?: readonly FieldProblem[],
): string {
  return JSON.stringify({
    type: problemType(code),
    title: TITLES[code],
    status: PROBLEMS[code],
    detail,
    instance,
    ...(errors ? { errors } : {}),
  });
}

/** The media type of every problem the API answers. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/**
 * Renders a problem as RFC 9457 `application/problem+json`.
 *
 * @example
 * return problemResponse(c, 'not-found', 'No article has the id 42.');
 */
export function problemResponse(
  c: Context,
  code: ProblemCode,
  detail: string,
  extra: { errors?: readonly FieldProblem[]; headers?: Record<string, string> } = {},
): Response {
  return c.body(problemJson(code, detail, c.req.path, extra.errors), PROBLEMS[code], {
    'content-type': PROBLEM_CONTENT_TYPE,
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
    if (error instanceof NotFoundError) return problemResponse(c, 'not-found', `${error.message}.`);
    if (error instanceof ConflictError) return problemResponse(c, 'conflict', error.message);
    if (error instanceof InvalidCursorError)
      return problemResponse(c, 'bad-request', error.message);
    if (error instanceof HTTPException) {
      const code = codeOfStatus(error.status);
      if (code === 'internal') logger.error({ err: error, path: c.req.path }, 'http exception');
      return problemResponse(c, code, error.message || TITLES[code]);
    }
    if (clientGone(c, error)) {
      // Nobody reads this answer; a client that hangs up is no fault of the API.
      logger.debug(
        { err: error, path: c.req.path, requestId: c.get('requestId') },
        'client aborted',
      );
      return problemResponse(c, 'bad-request', 'The client closed the connection.');
    }
    logger.error(
      { err: error, path: c.req.path, requestId: c.get('requestId') },
      'unhandled error',
    );
    return problemResponse(
      c,
      'internal',
      'Something went wrong on our side. The error has been logged.',
    );
  };
}

/** Every unknown route answers 404 problem+json. */
export const notFoundHandler: NotFoundHandler = (c) =>
  problemResponse(c, 'not-found', `Nothing is served at ${c.req.path}.`);
