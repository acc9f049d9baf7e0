import {
  articleSize,
  cleanText,
  sanitizeArticleHtml,
  type TranslationEditInput,
} from '@tidings/core';
import type { TranslatedContent } from '@tidings/store';
import { ProblemError } from '../problem.ts';

/**
 * Refuses, before anything is stored, an article the workers would refuse to translate (or
 * an edit of one that size): 413 naming MAX_ARTICLE_CHARS.
 *
 * @example
 * assertArticleSize(content, maxArticleChars);
 */
export function assertArticleSize(content: Parameters<typeof articleSize>[0], limit: number): void {
  const size = articleSize(content);
  if (size <= limit) return;
  const message = `${size} characters once cleaned; the limit is ${limit} (MAX_ARTICLE_CHARS)`;
  throw new ProblemError('payload-too-large', `The article has ${message}.`, {
    errors: [{ field: 'body', message }],
  });
}

/**
 * An editor's text (a correction, or an approval with an edit) cleaned as every text that
 * reaches readers is: plain fields as text, the body through the HTML allow-list, and no
 * larger than MAX_ARTICLE_CHARS.
 *
 * @example
 * const edit = cleanEdit(await readJson(c, translationEditSchema), maxArticleChars);
 */
export function cleanEdit(input: TranslationEditInput, maxArticleChars: number): TranslatedContent {
  const edit = {
    title: cleanText(input.title),
    summary: cleanText(input.summary),
    body: sanitizeArticleHtml(input.body),
    categories: input.categories.map(cleanText),
    imageAlt: input.imageAlt === undefined ? undefined : cleanText(input.imageAlt),
  };
  assertArticleSize({ ...edit, image: { alt: edit.imageAlt ?? '' } }, maxArticleChars);
  return edit;
}
