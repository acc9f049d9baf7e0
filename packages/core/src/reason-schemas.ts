import { z } from 'zod';
import { TRANSLATION_STATUSES } from './article.ts';
import { LANGUAGE_CODES } from './languages.ts';

// Why a language version is as it is, as data that travels (result messages, API answers) and
// is kept (the store): why its translation failed, why it must be reviewed, why a retry of it
// was skipped. Each is a stable `code` with the fields its sentence needs; the sentences are
// chosen per language by code from `locales/{lang}/review.json` (`failed.*`, the review codes,
// `skipped.*`), whose parity test walks these codes.

/**
 * Why the translator refused an article: each has its own sentence (`failed.input.{input}` in
 * `locales/{lang}/review.json`; the locale parity test walks this list).
 */
export const INPUT_REFUSALS = [
  'unsupported_language',
  'no_route',
  'same_language',
  'too_large',
] as const;

/**
 * The fields each refusal's sentence may name, as the translator gives them
 * (`TranslationInputError.fields`): the language refused, the route missing, the size over the
 * limit. The locale test holds every language's `failed.input.{input}` to these.
 */
export const INPUT_REFUSAL_FIELDS = {
  unsupported_language: ['language'],
  no_route: ['from', 'to'],
  same_language: ['language'],
  too_large: ['size', 'limit'],
} as const satisfies Record<(typeof INPUT_REFUSALS)[number], readonly string[]>;

/**
 * Why a language version could not be translated, as data that travels (the result message)
 * and is kept (the store's `reasons` of a failed language): a stable `code` and the fields its
 * sentence needs. The human sentence is chosen per language from `locales/{lang}/review.json`
 * (`failed.{code}`) by code; the English message travels beside it for the logs.
 *
 * - `model-unavailable`: the model is neither in the models directory nor fetchable.
 * - `input-refused`: the translator refused the article (`input`: the translator's code, one of
 *   {@link INPUT_REFUSALS}; `fields`: what its sentence names, absent from older workers' results).
 * - `engine-exited`: the translation engine process died while translating (`exit`: its
 *   signal, or `code N`).
 * - `stalled`: its workers died or lost Redis while holding the job, `stalls` times per job
 *   over `jobs` jobs.
 * - `unreadable-result`: the API could not read the worker's result (`problems`).
 * - `translation-error`: any other error, with its English `message` (also a failure kept
 *   before codes, whose text is all there is).
 *
 * @example
 * failureReasonSchema.parse({ code: 'model-unavailable', model: 'Xenova/opus-mt-en-de', modelsDir: '/srv/models' });
 */
export const failureReasonSchema = z.discriminatedUnion('code', [
  z
    .object({ code: z.literal('model-unavailable'), model: z.string(), modelsDir: z.string() })
    .readonly(),
  z
    .object({
      code: z.literal('input-refused'),
      input: z.enum(INPUT_REFUSALS),
      fields: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      message: z.string(),
    })
    .readonly(),
  z.object({ code: z.literal('engine-exited'), exit: z.string() }).readonly(),
  z
    .object({
      code: z.literal('stalled'),
      stalls: z.number().int().min(1),
      jobs: z.number().int().min(1),
    })
    .readonly(),
  z.object({ code: z.literal('unreadable-result'), problems: z.string() }).readonly(),
  z.object({ code: z.literal('translation-error'), message: z.string() }).readonly(),
]);

/** A failure reason as it travels and is kept: see {@link failureReasonSchema}. */
export type FailureReasonData = z.infer<typeof failureReasonSchema>;

/** Every failure code, from {@link failureReasonSchema} (the locale parity test walks it). */
export const FAILURE_CODES: readonly FailureReasonData['code'][] = failureReasonSchema.options.map(
  (option) => option.unwrap().shape.code.value,
);

const segment = z.string();
const runs = z.array(z.string()).readonly();

/**
 * The inline elements a review reason names as an editor knows them, from the source's tag
 * (`<a>` a link, `<em>`/`<i>` emphasis, `<strong>`/`<b>` strong, `<code>` code, `<img>` an image,
 * `<br>` a line break, anything else `other`): `review.json`'s `element.*` says each.
 */
export const MARKUP_ELEMENTS = [
  'link',
  'emphasis',
  'strong',
  'code',
  'image',
  'line-break',
  'other',
] as const;

/** An inline element as a review reason names it: see {@link MARKUP_ELEMENTS}. */
export type MarkupElement = (typeof MARKUP_ELEMENTS)[number];

// Which element a placeholder stood for and the source text it wraps (an image's alt text, a
// code span's text), shortened: absent from reasons kept or sent before they were named, which
// read as the placeholder's number. Not `text`: the API answers each reason with its sentence
// there.
const element = z.enum(MARKUP_ELEMENTS).optional();
const wraps = z.string().optional();

/**
 * Why a language version must be reviewed, as data that travels (the result message) and is
 * kept (the store): a stable `code`, the fields its sentence needs, and the `segment` it is
 * about. The human sentence is chosen per language from `locales/{lang}/review.json` by code.
 * It mirrors the translator's `ReviewReason`, so a worker's reasons parse as they are. A
 * placeholder's reason (and each markup repair) may name its `element` and the source text it `wraps`;
 * one kept or sent before they were named has neither, and reads as it did.
 *
 * @example
 * reviewReasonSchema.parse({ code: 'number-missing', number: '5', segment: 'On 5 May.' });
 */
export const reviewReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('placeholder-unknown'), placeholder: z.string(), segment }).readonly(),
  z
    .object({
      code: z.enum(['placeholder-missing', 'placeholder-repeated', 'placeholder-out-of-order']),
      placeholder: z.number().int(),
      element,
      wraps,
      segment,
    })
    .readonly(),
  z.object({ code: z.literal('empty-translation'), segment }).readonly(),
  // `number`: the digits of a number the translation lacks, or, written with compatibility
  // characters, the number as the source wrote it (`2½`, `10⁶`, `m²`).
  z.object({ code: z.literal('number-missing'), number: z.string(), segment }).readonly(),
  z.object({ code: z.literal('repetition-loop'), phrase: z.string(), segment }).readonly(),
  z.object({ code: z.literal('length-ratio'), ratio: z.number(), segment }).readonly(),
  z.object({ code: z.literal('truncated'), ratio: z.number(), segment }).readonly(),
  z.object({ code: z.literal('lost-foreign-run'), runs, segment }).readonly(),
  z.object({ code: z.literal('lost-protected-run'), runs, segment }).readonly(),
  z
    .object({
      code: z.literal('markup-repaired'),
      repairs: z
        .array(
          z
            .object({
              placeholder: z.string(),
              how: z.enum(['restored', 'moved', 'renumbered', 'deduplicated']),
              element,
              wraps,
            })
            .readonly(),
        )
        .readonly(),
      segment,
    })
    .readonly(),
]);

/** A review reason as it travels and is kept: see {@link reviewReasonSchema}. */
export type ReviewReasonData = z.infer<typeof reviewReasonSchema>;

const language = z.enum(LANGUAGE_CODES);
const status = z.enum(TRANSLATION_STATUSES);

/**
 * Why a retry of a language version was skipped, as data: a stable `code` and the fields its
 * sentence needs. The human sentence is chosen per language from `locales/{lang}/review.json`
 * (`skipped.{code}`) by code; the store's English `reason` stays beside it for the logs.
 *
 * - `retry-superseded`: an automatic retry after stalling found the language no longer waiting
 *   for the try that stalled (it is `status` at `revision`, `retry` now).
 * - `retry-stall-limit`: the language's jobs were failed for stalling `stalls` times; it had
 *   `retries` automatic retries, and `limit` (`STALLED_RETRIES`) is all a revision may have.
 * - `retry-editor-owned`: the version is an editor's correction (`status` edited or stale),
 *   which a retry never replaces.
 * - `retry-not-retryable`: the version is `status`; only `retryable` statuses are retried
 *   (published too with `?include=published`).
 *
 * @example
 * retrySkipSchema.parse({ code: 'retry-editor-owned', language: 'de', status: 'edited' });
 */
export const retrySkipSchema = z.discriminatedUnion('code', [
  z
    .object({
      code: z.literal('retry-superseded'),
      language,
      status,
      revision: z.number().int().min(1),
      retry: z.number().int().min(0),
    })
    .readonly(),
  z
    .object({
      code: z.literal('retry-stall-limit'),
      language,
      stalls: z.number().int().min(1),
      retries: z.number().int().min(0),
      limit: z.number().int().min(0),
    })
    .readonly(),
  z.object({ code: z.literal('retry-editor-owned'), language, status }).readonly(),
  z
    .object({
      code: z.literal('retry-not-retryable'),
      language,
      status,
      retryable: z.array(status).readonly(),
    })
    .readonly(),
]);

/** Why a retry was skipped, as data: see {@link retrySkipSchema}. */
export type RetrySkipData = z.infer<typeof retrySkipSchema>;

/** Every retry-skip code, from {@link retrySkipSchema} (the locale parity test walks it). */
export const RETRY_SKIP_CODES: readonly RetrySkipData['code'][] = retrySkipSchema.options.map(
  (option) => option.unwrap().shape.code.value,
);
