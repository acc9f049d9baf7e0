import type { LanguageCode } from '@tidings/core';
import { fieldProblemsIn } from '../field-problem.ts';
import { detailText, type ProblemDetail, ProblemError } from '../problem.ts';
import { storeProblem } from '../store-problem.ts';

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
  /** What went wrong, in the editor's language, shown below the title. */
  readonly detail: string;
}

/**
 * Thrown when a language changed between the editor opening it and their form coming back; its
 * detail is a code with fields, told in the editor's language (the message is English, for logs).
 *
 * @example
 * throw new ChangedUnderEditorError({ key: 'no-fresh-draft', fields: { lang: 'de' } });
 */
export class ChangedUnderEditorError extends Error {
  override readonly name = 'ChangedUnderEditorError';

  constructor(readonly detail: ProblemDetail) {
    super(detailText(detail, 'en'));
  }
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
 * The error of a desk action as a message for the page, in the editor's language, or
 * `undefined` for an error the desk does not expect (rethrown: logged and answered 500 by the
 * app's error handler).
 *
 * @example
 * const problem = articleActionError(error, 'de'); // { status: 409, code: 'conflict', detail: '…' }
 */
export function articleActionError(
  error: unknown,
  language: LanguageCode,
): ArticleActionError | undefined {
  if (error instanceof ChangedUnderEditorError) {
    return { status: 409, code: 'changed', detail: detailText(error.detail, language) };
  }
  const problem = error instanceof ProblemError ? error : storeProblem(error);
  if (!problem) return undefined;
  const known = BY_CODE[problem.code];
  if (!known) return undefined;
  const detail = detailText(problem.detail, language);
  const errors = error instanceof ProblemError ? error.extra.errors : undefined;
  const fields =
    errors &&
    fieldProblemsIn(errors, language)
      .map((e) => `${e.field}: ${e.message}`)
      .join('; ');
  return { ...known, detail: fields ? `${detail} (${fields})` : detail };
}
