import { type LanguageCode, languageOf } from '@tidings/core';
import type { ArticleView, LanguageView } from '../api/views.ts';
import { between, formatDuration } from './format-units.ts';
import { reasonText } from './reason-text.ts';

const MARKS: Record<LanguageView['status'], string> = {
  queued: '·',
  translating: '…',
  published: '✓',
  edited: '✓',
  needs_review: '!',
  stale: '!',
  failed: '✗',
};

/**
 * One language of an article on one line: mark, code, name, status, model and time taken,
 * and the reason when it failed or needs review.
 *
 * @example
 * languageLine(article, 'es'); // '✓ es  Spanish    published     Xenova/opus-mt-en-es  1.2 s'
 */
export function languageLine(article: ArticleView, code: LanguageCode): string {
  const state = article.languages[code];
  const name = languageOf(code).englishName.padEnd(10);
  if (code === article.sourceLanguage) return `  ${code}  ${name} source`;
  if (!state) return `  ${code}  ${name} —`;
  const took =
    state.status === 'edited' || state.status === 'stale'
      ? undefined
      : between(state.startedAt, state.finishedAt);
  const parts = [
    `${MARKS[state.status]} ${code}  ${name} ${state.status.padEnd(12)}`,
    state.model ?? '',
    took === undefined ? '' : formatDuration(took),
    reasonText(state) ? `(${reasonText(state)})` : '',
  ];
  return parts.filter(Boolean).join('  ').trimEnd();
}
