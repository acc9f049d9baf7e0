import type { ArticleContent } from './article.ts';
import { cleanText, sanitizeArticleHtml } from './sanitize-html.ts';

/**
 * Cleans an article's content as every text that reaches readers is cleaned, wherever it comes
 * from (a publisher's post, a model's output, an editor's correction): the plain fields as
 * text ({@link cleanText}), the body through the HTML allow-list ({@link sanitizeArticleHtml}),
 * the image's alt text as text and its URL as given (checked where it enters).
 *
 * @example
 * cleanArticleContent({ title: 'Kyiv\u0007 now ', summary: '', body: '<p onclick="x()">Hi</p>', categories: [] });
 * // { title: 'Kyiv now', summary: '', body: '<p>Hi</p>', categories: [], image: undefined }
 */
export function cleanArticleContent(content: ArticleContent): ArticleContent {
  return {
    title: cleanText(content.title),
    summary: cleanText(content.summary),
    body: sanitizeArticleHtml(content.body),
    categories: content.categories.map(cleanText),
    image: content.image
      ? { url: content.image.url, alt: cleanText(content.image.alt) }
      : undefined,
  };
}
