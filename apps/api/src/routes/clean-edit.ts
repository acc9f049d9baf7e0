import {
  type ArticleContent,
  type ArticleImage,
  articleSize,
  cleanArticleContent,
  type TranslationEditInput,
} from '@tidings/core';
import { fieldProblem } from '../field-problem.ts';
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
  throw new ProblemError(
    'payload-too-large',
    { key: 'article-too-large', fields: { size, limit } },
    {
      errors: [fieldProblem('body', 'article-size', { size, limit })],
    },
  );
}

/**
 * An editor's text (a correction, or an approval with an edit) as the article's content, cleaned
 * as every text that reaches readers is ({@link cleanArticleContent}) and no larger than
 * MAX_ARTICLE_CHARS. The image is the source's (`image`); the editor gives only its alt text.
 *
 * @example
 * const edit = cleanEdit(await readJson(c, translationEditSchema), article.content.image, maxArticleChars);
 */
export function cleanEdit(
  input: TranslationEditInput,
  image: ArticleImage | undefined,
  maxArticleChars: number,
): ArticleContent {
  const edit = cleanArticleContent({
    title: input.title,
    summary: input.summary,
    body: input.body,
    categories: input.categories,
    image:
      image && input.imageAlt !== undefined ? { url: image.url, alt: input.imageAlt } : undefined,
  });
  assertArticleSize(edit, maxArticleChars);
  return edit;
}
