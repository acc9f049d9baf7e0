import type { LanguageCode } from '@tidings/core';
import { retrySkipText, translatorFor } from '@tidings/i18n';
import {
  type ConflictCode,
  ConflictError,
  type ConflictFieldsByCode,
  InvalidCursorError,
  NotFoundError,
  type RetryOutcome,
} from '@tidings/store';
import {
  type ProblemCode,
  type ProblemDetail,
  type ProblemDetailKey,
  ProblemError,
} from './problem.ts';

const NOT_FOUND = {
  article: 'article-not-found',
  translation: 'translation-not-found',
  key: 'key-not-found',
} as const satisfies Record<Exclude<NotFoundError['entity'], 'glossary term'>, ProblemDetailKey>;

// Each store conflict code as its detail: the fields the store gives for the code (typed by
// its CONFLICT_FIELDS) must be the ones PROBLEM_DETAILS declares for the key, or this fails
// typecheck.
const CONFLICT: {
  readonly [C in ConflictCode]: (fields: ConflictFieldsByCode[C]) => ProblemDetail;
} = {
  slug_taken: ({ slug }) => ({ key: 'slug-taken', fields: { slug } }),
  retracted: ({ id }) => ({ key: 'article-retracted', fields: { id } }),
  source_language: ({ id, lang }) => ({ key: 'source-language', fields: { id, lang } }),
  last_admin: ({ id }) => ({ key: 'last-admin-key', fields: { id } }),
  not_awaiting_review: ({ lang, status }) => ({
    key: 'not-awaiting-review',
    fields: { lang, status },
  }),
};

const conflictDetail = <C extends ConflictCode>(error: ConflictError<C>): ProblemDetail =>
  CONFLICT[error.code](error.fields);

/**
 * A store error the API answers as a problem (a missing thing 404, a conflict 409, a cursor it
 * did not make 400), as its kind and a detail by code; `undefined` for any other error. The
 * store's English `message` is left for logs.
 *
 * @example
 * storeProblem(new NotFoundError('article', '42')); // { code: 'not-found', detail: { key: 'article-not-found', fields: { id: '42' } } }
 */
export function storeProblem(
  error: unknown,
): { code: ProblemCode; detail: ProblemDetail } | undefined {
  if (error instanceof NotFoundError) {
    const detail: ProblemDetail =
      error.entity === 'glossary term'
        ? { key: 'glossary-term-not-found', fields: { term: error.id } }
        : { key: NOT_FOUND[error.entity], fields: { id: error.id } };
    return { code: 'not-found', detail };
  }
  if (error instanceof ConflictError) {
    return { code: 'conflict', detail: conflictDetail(error) };
  }
  if (error instanceof InvalidCursorError) {
    return {
      code: 'bad-request',
      detail: { key: 'cursor-invalid', fields: { cursor: error.cursor } },
    };
  }
  return undefined;
}

/**
 * The 409 for a retry of one language that did nothing, saying why by the store's own skip
 * code (`outcome.skip`: an editor's correction is never replaced, only some statuses are
 * retried, …), told as a whole-article retry tells it (`retrySkipText`), in the reader's
 * language.
 *
 * @example
 * throw nothingToRetry(outcome); // 'Nothing to retry: the de version is an editor's correction (edited); …'
 */
export function nothingToRetry(
  outcome: Extract<RetryOutcome, { outcome: 'skipped' }>,
): ProblemError {
  const reason = (language: LanguageCode) => retrySkipText(translatorFor(language), outcome.skip);
  return new ProblemError('conflict', { key: 'nothing-to-retry', fields: { reason } });
}
