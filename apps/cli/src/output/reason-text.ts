import type { LanguageView } from '../api/views.ts';

/**
 * Why a language failed or needs review, as the API says it: its reasons' texts (in the
 * language the API chose, English unless asked otherwise), or, from an API older than
 * `reasons`, its `reason`; `null` when there is none.
 *
 * @example
 * reasonText(state); // 'Model Xenova/opus-mt-en-de is not available in /srv/models: …'
 */
export function reasonText(state: Pick<LanguageView, 'reason' | 'reasons'>): string | null {
  const texts = (state.reasons ?? []).map((r) => r.text).filter(Boolean);
  return texts.length > 0 ? texts.join('; ') : state.reason;
}
