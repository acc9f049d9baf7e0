import { ConflictError, NotFoundError } from '@tidings/store';
import { ProblemError } from '../problem.ts';

/** Why an action on the article page did nothing, as the page tells the editor. */
export interface ArticleActionError {
  /** The HTTP status the page is answered with. */
  readonly status: 404 | 403 | 409 | 413 | 422 | 503;
  /** Which localized title (`desk:article.error.{code}`) heads the message. */
  readonly code:
    | 'notFound'
    | 'forbidden'
    | 'conflict'
    | 'changed'
    | 'tooLarge'
    | 'invalid'
    | 'unavailable';
  /** The store's or the API's own words (English), shown below the title. */
  readonly detail: string;
}

/** Thrown when a language changed between the editor opening it and their form coming back. */
export class ChangedUnderEditorError extends Error {
  override readonly name = 'ChangedUnderEditorError';
}

const BY_CODE: Record<string, Pick<ArticleActionError, 'status' | 'code'>> = {
  'not-found': { status: 404, code: 'notFound' },
  forbidden: { status: 403, code: 'forbidden' },
  unauthorized: { status: 403, code: 'forbidden' },
  conflict: { status: 409, code: 'conflict' },
  'payload-too-large': { status: 413, code: 'tooLarge' },
  validation: { status: 422, code: 'invalid' },
  'bad-request': { status: 422, code: 'invalid' },
  unavailable: { status: 503, code: 'unavailable' },
};

/**
 * The error of a desk action as a message for the page, or `undefined` for an error the desk
 * does not expect (rethrown: logged and answered 500 by the app's error handler).
 *
 * @example
 * const problem = articleActionError(error); // { status: 409, code: 'conflict', detail: '…' }
 */
export function articleActionError(error: unknown): ArticleActionError | undefined {
  if (error instanceof ChangedUnderEditorError) {
    return { status: 409, code: 'changed', detail: error.message };
  }
  if (error instanceof ConflictError)
    return { status: 409, code: 'conflict', detail: error.message };
  if (error instanceof NotFoundError)
    return { status: 404, code: 'notFound', detail: `${error.message}.` };
  if (error instanceof ProblemError) {
    const known = BY_CODE[error.code];
    const fields = error.extra.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
    if (known) return { ...known, detail: fields ? `${error.message} (${fields})` : error.message };
  }
  return undefined;
}
