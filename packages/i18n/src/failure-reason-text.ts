import type { FailureReasonData } from '@tidings/core';
import type { TFunction } from 'i18next';

/**
 * Why a language failed, as a sentence in `t`'s language, from `locales/{lang}/review.json`
 * (`failed.{code}`) by its code, with its fields filled in.
 *
 * @example
 * failureReasonText(translatorFor('de'), { code: 'translation-error', message: 'boom' });
 * // 'Die Übersetzung ist fehlgeschlagen: boom'
 */
export function failureReasonText(t: TFunction, failure: FailureReasonData): string {
  return t(`review:failed.${failure.code}`, { ...failure });
}
