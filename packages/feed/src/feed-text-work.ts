import type { TextWork } from '@tidings/core';
import { entryHtmlSource, entrySanitizing } from './entry-html.ts';
import { SUMMARY_EXCERPT_CHARS } from './entry-summary.ts';
import type { FeedDocument } from './types.ts';

/**
 * The sanitizing and excerpting that rendering `doc` does, in any format (each format shows
 * the same entry HTML and summary): for each entry its HTML, and the excerpt of its body when
 * it has no summary. A caller that must not hold its thread for long does the large pieces
 * elsewhere first and keeps their results (see `textWorkPending` and `keepTextWork` in
 * @tidings/core); {@link renderFeed} then finds them done.
 *
 * @example
 * const work = feedTextWork(doc).filter(textWorkPending);
 * const results = await thread.run(work);
 * work.forEach((w, i) => keepTextWork(w, results[i]));
 * renderFeed(doc, 'atom'); // sanitizes no large body itself
 */
export function feedTextWork(doc: FeedDocument): TextWork[] {
  return doc.entries.flatMap((entry): TextWork[] => [
    {
      kind: 'sanitize',
      html: entryHtmlSource(entry, doc.labels, doc),
      options: entrySanitizing(entry),
    },
    ...(entry.summary
      ? []
      : [{ kind: 'excerpt', html: entry.contentHtml, maxLength: SUMMARY_EXCERPT_CHARS } as const]),
  ]);
}
