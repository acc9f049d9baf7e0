import type { FailureReasonData } from '@tidings/core';
import type { TFunction } from 'i18next';

/**
 * Why a language failed, as a sentence in `t`'s language, from `locales/{lang}/review.json`
 * (`failed.{code}`, a refused input's `failed.input.{input}`) by its code, with its fields filled in.
 *
 * @example
 * failureReasonText(translatorFor('de'), { code: 'translation-error', message: 'boom' });
 * // 'Die Übersetzung ist fehlgeschlagen: boom'
 */
export function failureReasonText(t: TFunction, failure: FailureReasonData): string {
  // A refusal says which input and why (an older worker's result carries only its message).
  if (failure.code === 'input-refused' && failure.fields)
    return t(`review:failed.input.${failure.input}`, { ...failure.fields });
  return t(`review:failed.${failure.code}`, { ...failure });
}
