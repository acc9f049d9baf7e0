import { textExcerpt } from '@tidings/core';
import type { FeedEntry } from './types.ts';

/**
 * What a reader shows under an entry's title: its summary, or else the start of its body as
 * plain text, never the title again. Plain text: each format escapes it as it must.
 *
 * @example
 * entrySummary({ ...entry, summary: '' }); // 'Ukraine has been granted extended partner status…'
 */
export function entrySummary(entry: FeedEntry): string {
  return entry.summary || textExcerpt(entry.contentHtml, SUMMARY_EXCERPT_CHARS);
}

/** How long the excerpt is that stands in for a missing summary. */
export const SUMMARY_EXCERPT_CHARS = 300;
