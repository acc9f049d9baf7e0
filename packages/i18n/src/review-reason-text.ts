import type { ReviewReasonData } from '@tidings/core';
import type { TFunction } from 'i18next';

/**
 * One review reason as a sentence in `t`'s language, from `locales/{lang}/review.json` by its
 * code, with its fields filled in (runs and repairs listed, each repair said in that language).
 *
 * @example
 * reviewReasonText(translatorFor('de'), { code: 'number-missing', number: '5', segment: 'On 5 May.' });
 * // 'Die Zahl 5 ging verloren in „On 5 May.“'
 */
export function reviewReasonText(t: TFunction, reason: ReviewReasonData): string {
  return t(`review:${reason.code}`, {
    ...reason,
    runs: 'runs' in reason ? reason.runs.join(', ') : undefined,
    repairs:
      'repairs' in reason
        ? reason.repairs.map((r) => `${r.placeholder} ${t(`review:repair-${r.how}`)}`).join(', ')
        : undefined,
  });
}
