import type { LanguageCode } from '@tidings/core';
import { translatorFor } from '@tidings/i18n';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The fixed set of problem kinds the API answers with; each has one status, a `type` URI under
 * `/docs/problems/<code>`, a page there, and its title and description in
 * `locales/{lang}/errors.json` (`problem.<code>`).
 */
export const PROBLEMS = {
  'bad-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  'request-timeout': 408,
  conflict: 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  validation: 422,
  'rate-limited': 429,
  'headers-too-large': 431,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

/** A problem kind, the last segment of its `type` URI. */
export type ProblemCode = keyof typeof PROBLEMS;

/**
 * Every detail the API can give as a stable code, with the problem kind it belongs to; its text
 * is `detail.<key>` in `locales/{lang}/errors.json`, with the fields filled in.
 */
export const PROBLEM_DETAILS = {
  'route-not-found': 'not-found',
  'article-not-found': 'not-found',
  'language-unknown': 'not-found',
  'language-not-edited': 'not-found',
  'language-not-translated': 'not-found',
  'feed-language-unknown': 'not-found',
  'feed-unknown': 'not-found',
  'sitemap-unknown': 'not-found',
  'api-key-missing': 'unauthorized',
  'api-key-malformed': 'bad-request',
  'api-key-revoked': 'unauthorized',
  'api-key-unknown': 'unauthorized',
  'role-forbidden': 'forbidden',
  'listing-by-publisher-forbidden': 'forbidden',
  'rate-limited': 'rate-limited',
  'queue-unavailable': 'unavailable',
  'client-gone': 'bad-request',
  'host-invalid': 'bad-request',
  'json-invalid': 'bad-request',
  'json-invalid-at': 'bad-request',
  'json-too-deep': 'bad-request',
  'json-too-deep-top': 'bad-request',
  'json-duplicate-key': 'bad-request',
  'json-forbidden-key': 'bad-request',
  'text-not-utf8': 'bad-request',
  'text-lone-surrogate': 'validation',
  'request-invalid': 'validation',
  'body-empty': 'validation',
  'article-language-not-served': 'validation',
  'detected-language-not-served': 'validation',
  'revision-language-changed': 'validation',
  'content-encoding-refused': 'unsupported-media-type',
  'content-type-refused': 'unsupported-media-type',
  'content-type-missing': 'unsupported-media-type',
  'body-too-large': 'payload-too-large',
  'article-too-large': 'payload-too-large',
  'method-not-allowed': 'method-not-allowed',
  'category-unknown': 'not-found',
  'workers-unavailable': 'unavailable',
  'term-length': 'validation',
  'dashboard-needs-admin': 'unauthorized',
  'include-invalid': 'validation',
  'nothing-to-retry': 'conflict',
  'language-unknown-short': 'not-found',
  'correction-invalid': 'validation',
  'translation-not-found': 'not-found',
  'key-not-found': 'not-found',
  'glossary-term-not-found': 'not-found',
  'slug-taken': 'conflict',
  'article-retracted': 'conflict',
  'source-language': 'conflict',
  'last-admin-key': 'conflict',
  'not-awaiting-review': 'conflict',
  'cursor-invalid': 'bad-request',
  'version-changed': 'conflict',
  'no-fresh-draft': 'conflict',
  'language-too-short': 'validation',
  'language-uncertain': 'validation',
  'headers-too-large': 'headers-too-large',
  'request-timeout': 'request-timeout',
  'http-invalid': 'bad-request',
  'request-unreadable': 'bad-request',
  internal: 'internal',
} as const satisfies Record<string, ProblemCode>;

/** The code of a detail the API gives in the reader's language. */
export type ProblemDetailKey = keyof typeof PROBLEM_DETAILS;

/**
 * A field that is itself a sentence told by code in the reader's language (a retry's skip
 * reason, from `locales/{lang}/review.json`): given the language, its text.
 */
export type PhraseField = (language: LanguageCode) => string;

/**
 * A detail as data: its key and the fields its text names. A list is told as alternatives in
 * the reader's language (`publisher or editor`, `publisher oder editor`); a
 * {@link PhraseField} in that language.
 */
export interface ProblemDetail {
  readonly key: ProblemDetailKey;
  readonly fields?:
    | Readonly<Record<string, string | number | readonly string[] | PhraseField>>
    | undefined;
}

/**
 * A detail's text in one language, its fields filled in (a list told as alternatives).
 *
 * @example
 * detailText({ key: 'article-not-found', fields: { id: '42' } }, 'de'); // 'Kein Artikel hat die ID 42.'
 */
export function detailText(detail: ProblemDetail, language: LanguageCode): string {
  const or = new Intl.ListFormat(language, { type: 'disjunction' });
  const fields = Object.fromEntries(
    Object.entries(detail.fields ?? {}).map(([k, v]) => [
      k,
      typeof v === 'function' ? v(language) : Array.isArray(v) ? or.format(v) : v,
    ]),
  );
  return translatorFor(language)(`errors:detail.${detail.key}`, fields);
}

/**
 * Every reason the API gives for one offending field as a stable code; its text is
 * `field.<code>` in `locales/{lang}/errors.json`. A schema names a rule by giving its code as
 * the message (`z.string().min(1, 'title-required')`); what zod says itself comes from zod's
 * own locale for the language.
 */
export const FIELD_PROBLEMS = [
  'title-required',
  'body-required',
  'name-required',
  'text-too-long',
  'language-code',
  'role',
  'slug-format',
  'image-url',
  'key-id',
  'bytes-not-utf8',
  'lone-surrogate',
  'too-deep',
  'duplicate-key',
  'forbidden-key',
  'no-text',
  'include-published',
  'term-length',
  'language-served',
  'language-undetected',
  'language-same',
  'article-size',
] as const;

/** The code of a reason a field is refused. */
export type FieldProblemCode = (typeof FIELD_PROBLEMS)[number];

/** Why a field is refused, as data: a code and the fields its text names. */
export interface FieldReason {
  readonly code: FieldProblemCode;
  readonly fields?: Readonly<Record<string, string | number>> | undefined;
}

/** One offending field of a request, for validation problems. */
export interface FieldProblem {
  /** JSON pointer-like path, e.g. `title` or `image.url`. */
  readonly field: string;
  /**
   * What is wrong: a {@link FieldReason}, told in the reader's language when answered, or a
   * sentence already in it (zod's, from a parse in the request's language).
   */
  readonly message: string | FieldReason;
}

/**
 * The `type` URI of a problem kind (RFC 9457): absolute, under the site's base (`PUBLIC_URL`, or
 * the request's origin), where a page describes it.
 *
 * @example
 * problemType('validation', 'https://news.example.org'); // 'https://news.example.org/docs/problems/validation'
 */
export const problemType = (code: ProblemCode, base: string): string =>
  `${base.replace(/\/+$/, '')}/docs/problems/${code}`;

/**
 * An error the API answers as `application/problem+json` with a fixed type and status. The
 * detail is a {@link ProblemDetail}, a key and fields, told in the reader's language: never a
 * sentence in code.
 *
 * @example
 * throw new ProblemError('not-found', { key: 'article-not-found', fields: { id: '42' } });
 */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly status: ContentfulStatusCode;

  constructor(
    readonly code: ProblemCode,
    readonly detail: ProblemDetail,
    readonly extra: { errors?: readonly FieldProblem[]; headers?: Record<string, string> } = {},
  ) {
    // The message is the English text, for logs.
    super(detailText(detail, 'en'));
    this.status = PROBLEMS[code];
  }
}
