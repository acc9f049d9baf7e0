import type { LanguageCode } from '@tidings/core';
import { translatorFor } from '@tidings/i18n';
import { HTTPException } from 'hono/http-exception';
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
 * Every detail the API can give as a stable code, with the problem kind it belongs to and the
 * fields it gives (the type of {@link ProblemDetail} holds every site to them); its text is
 * `detail.<key>` in `locales/{lang}/errors.json`, with the fields filled in, and uses no
 * `{{placeholder}}` that is not one of them (the locale test checks each language).
 */
export const PROBLEM_DETAILS = {
  'route-not-found': { problem: 'not-found', fields: ['path'] },
  'article-not-found': { problem: 'not-found', fields: ['id'] },
  'language-unknown': { problem: 'not-found', fields: ['lang', 'languages'] },
  'language-not-edited': { problem: 'not-found', fields: ['lang', 'languages'] },
  'language-not-translated': { problem: 'not-found', fields: ['lang', 'languages'] },
  'feed-language-unknown': { problem: 'not-found', fields: ['lang', 'languages'] },
  'feed-unknown': { problem: 'not-found', fields: ['file'] },
  'sitemap-unknown': { problem: 'not-found', fields: ['file'] },
  'api-key-missing': { problem: 'unauthorized', fields: [] },
  'api-key-malformed': { problem: 'bad-request', fields: [] },
  'api-key-revoked': { problem: 'unauthorized', fields: [] },
  'api-key-unknown': { problem: 'unauthorized', fields: [] },
  'role-forbidden': { problem: 'forbidden', fields: ['role', 'roles'] },
  'listing-by-publisher-forbidden': { problem: 'forbidden', fields: [] },
  'rate-limited': { problem: 'rate-limited', fields: ['duration', 'points', 'seconds'] },
  'queue-unavailable': { problem: 'unavailable', fields: [] },
  'client-gone': { problem: 'bad-request', fields: [] },
  'host-invalid': { problem: 'bad-request', fields: [] },
  'json-invalid': { problem: 'bad-request', fields: [] },
  'json-invalid-at': { problem: 'bad-request', fields: ['at'] },
  'json-too-deep': { problem: 'bad-request', fields: ['max', 'path'] },
  'json-too-deep-top': { problem: 'bad-request', fields: ['max'] },
  'json-duplicate-key': { problem: 'bad-request', fields: ['path'] },
  'json-forbidden-key': { problem: 'bad-request', fields: [] },
  'text-not-utf8': { problem: 'bad-request', fields: ['fields'] },
  'text-lone-surrogate': { problem: 'validation', fields: ['fields'] },
  'request-invalid': { problem: 'validation', fields: ['errors'] },
  'body-empty': { problem: 'validation', fields: [] },
  'body-not-object': { problem: 'validation', fields: [] },
  'article-language-not-served': { problem: 'validation', fields: ['lang', 'languages'] },
  'detected-language-not-served': { problem: 'validation', fields: ['lang', 'languages'] },
  'revision-language-changed': { problem: 'validation', fields: ['lang'] },
  'content-encoding-refused': { problem: 'unsupported-media-type', fields: ['encoding'] },
  'content-type-refused': { problem: 'unsupported-media-type', fields: ['type'] },
  'content-type-missing': { problem: 'unsupported-media-type', fields: [] },
  'body-too-large': { problem: 'payload-too-large', fields: ['limit'] },
  'article-too-large': { problem: 'payload-too-large', fields: ['limit', 'size'] },
  'method-not-allowed': { problem: 'method-not-allowed', fields: ['method', 'methods', 'path'] },
  'category-unknown': { problem: 'not-found', fields: ['category', 'lang'] },
  'workers-unavailable': { problem: 'unavailable', fields: ['error'] },
  'term-length': { problem: 'validation', fields: ['max'] },
  'dashboard-needs-admin': { problem: 'unauthorized', fields: [] },
  'include-invalid': { problem: 'validation', fields: [] },
  'nothing-to-retry': { problem: 'conflict', fields: ['reason'] },
  'language-unknown-short': { problem: 'not-found', fields: ['lang'] },
  'correction-invalid': { problem: 'validation', fields: [] },
  'translation-not-found': { problem: 'not-found', fields: ['id'] },
  'key-not-found': { problem: 'not-found', fields: ['id'] },
  'glossary-term-not-found': { problem: 'not-found', fields: ['term'] },
  'slug-taken': { problem: 'conflict', fields: ['slug'] },
  'article-retracted': { problem: 'conflict', fields: ['id'] },
  'source-language': { problem: 'conflict', fields: ['id', 'lang'] },
  'last-admin-key': { problem: 'conflict', fields: ['id'] },
  'not-awaiting-review': { problem: 'conflict', fields: ['lang', 'status'] },
  'cursor-invalid': { problem: 'bad-request', fields: ['cursor'] },
  'version-changed': { problem: 'conflict', fields: ['lang', 'revision', 'status'] },
  'no-fresh-draft': { problem: 'conflict', fields: ['lang'] },
  'language-too-short': { problem: 'validation', fields: [] },
  'language-uncertain': { problem: 'validation', fields: ['confidence', 'guess'] },
  'language-none': { problem: 'validation', fields: ['languages'] },
  'headers-too-large': { problem: 'headers-too-large', fields: [] },
  'request-timeout': { problem: 'request-timeout', fields: [] },
  'http-invalid': { problem: 'bad-request', fields: ['error'] },
  'request-unreadable': { problem: 'bad-request', fields: ['error'] },
  internal: { problem: 'internal', fields: [] },
} as const satisfies Record<string, { problem: ProblemCode; fields: readonly string[] }>;

/** The code of a detail the API gives in the reader's language. */
export type ProblemDetailKey = keyof typeof PROBLEM_DETAILS;

/**
 * A field that is itself a sentence told by code in the reader's language (a retry's skip
 * reason, from `locales/{lang}/review.json`): given the language, its text.
 */
export type PhraseField = (language: LanguageCode) => string;

/** The value of one field of a detail: a list is told as alternatives, a phrase in the language. */
export type DetailFieldValue = string | number | readonly string[] | PhraseField;

/** The field names a detail's code declares (its text's `{{placeholders}}` are among them). */
export type DetailFieldName<K extends ProblemDetailKey> =
  (typeof PROBLEM_DETAILS)[K]['fields'][number];

/**
 * A detail as data: its key and the fields its text names, exactly those its code declares in
 * {@link PROBLEM_DETAILS}. A list is told as alternatives in the reader's language (`publisher
 * or editor`, `publisher oder editor`); a {@link PhraseField} in that language.
 */
export type ProblemDetail = {
  [K in ProblemDetailKey]: [DetailFieldName<K>] extends [never]
    ? { readonly key: K; readonly fields?: undefined }
    : {
        readonly key: K;
        readonly fields: { readonly [F in DetailFieldName<K>]: DetailFieldValue };
      };
}[ProblemDetailKey];

/**
 * A detail's text in one language, its fields filled in (a list told as alternatives).
 *
 * @example
 * detailText({ key: 'article-not-found', fields: { id: '42' } }, 'de'); // 'Kein Artikel hat die ID 42.'
 */
export function detailText(detail: ProblemDetail, language: LanguageCode): string {
  const or = new Intl.ListFormat(language, { type: 'disjunction' });
  const fields = Object.fromEntries(
    Object.entries((detail.fields ?? {}) as Record<string, DetailFieldValue>).map(([k, v]) => [
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
  'nul-character',
  'too-deep',
  'duplicate-key',
  'forbidden-key',
  'json-object',
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

/**
 * The fields each field problem's text may name, as the code gives them: by `fieldProblem`
 * (its type holds each site to these), or by `parseIn` for a rule a schema names by code
 * (`languages`, and a size rule's `maximum`). The locale test holds every language's
 * `field.<code>` to them.
 */
export const FIELD_PROBLEM_FIELDS = {
  'title-required': [],
  'body-required': [],
  'name-required': [],
  'text-too-long': ['maximum'],
  'language-code': ['languages'],
  role: [],
  'slug-format': [],
  'image-url': [],
  'key-id': [],
  'bytes-not-utf8': [],
  'lone-surrogate': [],
  'nul-character': [],
  'too-deep': ['max'],
  'duplicate-key': [],
  'forbidden-key': [],
  'json-object': [],
  'no-text': [],
  'include-published': [],
  'term-length': ['max'],
  'language-served': ['languages'],
  'language-same': ['lang'],
  'language-undetected': [],
  'article-size': ['limit', 'size'],
} as const satisfies Record<FieldProblemCode, readonly string[]>;

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
export class ProblemError extends HTTPException {
  override readonly name = 'ProblemError';

  constructor(
    readonly code: ProblemCode,
    readonly detail: ProblemDetail,
    readonly extra: { errors?: readonly FieldProblem[]; headers?: Record<string, string> } = {},
  ) {
    // Hono's own exception, so a Hono middleware that throws one (its timeout) can throw this;
    // the message is the English text, for logs.
    super(PROBLEMS[code], { message: detailText(detail, 'en') });
  }
}
