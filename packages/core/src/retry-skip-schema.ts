import { z } from 'zod';
import { TRANSLATION_STATUSES } from './article.ts';
import { LANGUAGE_CODES } from './languages.ts';

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
