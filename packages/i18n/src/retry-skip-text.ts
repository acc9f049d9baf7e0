import type { RetrySkipData } from '@tidings/core';
import type { TFunction } from 'i18next';

/**
 * Why a retry of a language was skipped, as a sentence in `t`'s language, from
 * `locales/{lang}/review.json` (`skipped.{code}`) by its code, with its fields filled in (a list
 * of statuses told as `a, b and c` in that language). It starts in lower case, as the store's
 * English `reason` does (`tidings retry` prints it after `de: not retried:`).
 *
 * @example
 * retrySkipText(translatorFor('de'), { code: 'retry-editor-owned', language: 'de', status: 'edited' });
 * // 'die de-Fassung ist eine Korrektur der Redaktion (edited); eine Wiederholung ersetzt sie nie'
 */
export function retrySkipText(t: TFunction, skip: RetrySkipData): string {
  if (skip.code !== 'retry-not-retryable') return t(`review:skipped.${skip.code}`, { ...skip });
  // A fixed translator knows its language (i18next's getFixedT sets it).
  const lng = (t as TFunction & { lng?: string }).lng ?? 'en';
  const and = new Intl.ListFormat(lng, { type: 'conjunction' });
  return t(`review:skipped.${skip.code}`, { ...skip, retryable: and.format(skip.retryable) });
}
