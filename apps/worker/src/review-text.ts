import { translatorFor } from '@tidings/i18n';
import type { ReviewReason } from '@tidings/translator';

/**
 * The review reasons of a version as one line for the editor (English, as the stored reason is
 * one text): each reason's sentence from `locales/en/review.json`, by its code.
 *
 * @example
 * reviewText([{ code: 'lost-foreign-run', runs: ['习近平'], segment: 'Met 习近平.' }]);
 * // 'Text in another script was lost (习近平) in “Met 习近平.”'
 */
export function reviewText(reasons: readonly ReviewReason[]): string | undefined {
  if (reasons.length === 0) return undefined;
  const t = translatorFor('en');
  return reasons
    .map((reason) =>
      t(`review:${reason.code}`, {
        ...reason,
        runs: 'runs' in reason ? reason.runs.join(', ') : undefined,
        repairs:
          'repairs' in reason
            ? reason.repairs
                .map((r) => `${r.placeholder} ${t(`review:repair-${r.how}`)}`)
                .join(', ')
            : undefined,
      }),
    )
    .join('; ');
}
