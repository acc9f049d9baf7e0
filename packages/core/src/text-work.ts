import {
  KEEP_FROM_CHARS,
  largeSanitized,
  type SanitizeOptions,
  sanitizeArticleHtml,
  sanitizedKey,
} from './sanitize-html.ts';
import { excerptKey, largeExcerpts, textExcerpt } from './text-excerpt.ts';

/**
 * One call of {@link sanitizeArticleHtml} or {@link textExcerpt}, as data: what a page or feed
 * is about to ask of a large body, so that it can be done on another thread (which runs the
 * same function, {@link doTextWork}) and its result kept here ({@link keepTextWork}) before
 * the page or feed is rendered, instead of on the event loop during the render.
 */
export type TextWork =
  | { readonly kind: 'sanitize'; readonly html: string; readonly options: SanitizeOptions }
  | { readonly kind: 'excerpt'; readonly html: string; readonly maxLength: number };

/**
 * Runs one piece of text work: the same function a render calls.
 *
 * @example
 * doTextWork({ kind: 'excerpt', html: '<p>Ukraine joins.</p>', maxLength: 300 }); // 'Ukraine joins.'
 */
export function doTextWork(work: TextWork): string {
  return work.kind === 'sanitize'
    ? sanitizeArticleHtml(work.html, work.options)
    : textExcerpt(work.html, work.maxLength);
}

/**
 * Whether this work, done here, would take long and is not already done: its input is large
 * (kept once done) and its result is not kept yet. Short inputs take a few milliseconds and
 * are never worth the trip to a thread.
 */
export function textWorkPending(work: TextWork): boolean {
  if (work.html.length < KEEP_FROM_CHARS) return false;
  return work.kind === 'sanitize'
    ? !largeSanitized.has(sanitizedKey(work.html, work.options))
    : !largeExcerpts.has(excerptKey(work.html, work.maxLength));
}

/**
 * Keeps the result of work done elsewhere by {@link doTextWork}, so that the render's own
 * {@link sanitizeArticleHtml} or {@link textExcerpt} call finds it and computes nothing.
 *
 * @example
 * const [html] = await thread.run([work]);
 * keepTextWork(work, html);
 */
export function keepTextWork(work: TextWork, result: string): void {
  if (work.html.length < KEEP_FROM_CHARS) return;
  if (work.kind === 'sanitize') largeSanitized.keep(sanitizedKey(work.html, work.options), result);
  else largeExcerpts.keep(excerptKey(work.html, work.maxLength), result);
}

/**
 * How many large inputs were sanitized or excerpted on this thread since start (results found
 * kept are not counted): a render whose work was done on another thread adds nothing.
 */
export function largeTextWorkDone(): number {
  return largeSanitized.computed + largeExcerpts.computed;
}
