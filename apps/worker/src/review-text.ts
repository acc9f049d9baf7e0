import { reviewReasonText, translatorFor } from '@tidings/i18n';
import type { ReviewReason } from '@tidings/translator';

/**
 * The review reasons of a version as one English line, the `reason` text that travels beside
 * the reasons as data (for `tidings show` and readers of results older than the data): each
 * reason's sentence from `locales/en/review.json`, by its code.
 *
 * @example
 * reviewText([{ code: 'lost-foreign-run', runs: ['习近平'], segment: 'Met 习近平.' }]);
 * // 'Text in another script was lost (习近平) in “Met 习近平.”'
 */
export function reviewText(reasons: readonly ReviewReason[]): string | undefined {
  if (reasons.length === 0) return undefined;
  const t = translatorFor('en');
  return reasons.map((reason) => reviewReasonText(t, reason)).join('; ');
}
