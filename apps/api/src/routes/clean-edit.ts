import {
  type ArticleContent,
  type ArticleImage,
  articleSize,
  cleanArticleContent,
  type TranslationEditInput,
} from '@tidings/core';
import type { EditedContent, Translation } from '@tidings/store';
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
 * Refuses a body with no text once cleaned (`<p></p>`, `<p><strong></strong></p>`): 422
 * `body-empty` naming `body`, for a new article and a correction alike, so an edit never
 * publishes an empty version.
 *
 * @example
 * assertBodyHasText(cleanArticleContent(input));
 */
export function assertBodyHasText(content: Pick<ArticleContent, 'body'>): void {
  if (content.body.replace(/<[^>]*>/g, '').trim()) return;
  throw new ProblemError(
    'validation',
    { key: 'body-empty' },
    {
      errors: [fieldProblem('body', 'no-text')],
    },
  );
}

/**
 * The text an editor corrects in one language version: the draft held for review
 * (`needs_review`), else what readers see; `null` when there is none. What an edit leaves out
 * keeps this text's value (the store reads it again under its lock when it writes).
 *
 * @example
 * editBase(await store.getTranslation(id, 'de'))?.categories; // ['Verteidigung']
 */
export function editBase(
  translation: Pick<Translation, 'status' | 'content' | 'draft'>,
): ArticleContent | null {
  return translation.status === 'needs_review' && translation.draft
    ? translation.draft
    : translation.content;
}

/**
 * An editor's text (a correction, or an approval with an edit) cleaned as every text that
 * reaches readers is ({@link cleanArticleContent}), and the version it makes with what it left
 * out kept from `base` ({@link editBase}), with text in its body ({@link assertBodyHasText}),
 * no larger than MAX_ARTICLE_CHARS. `edit` holds the fields the editor sent, for the store
 * (which keeps the others under its lock); `whole` is the whole version, for aligning it with
 * its source. The image is the source's (`image`); the editor gives only its alt text.
 *
 * @example
 * const { edit, whole } = cleanEdit(input, editBase(translation), article.content.image, maxArticleChars);
 */
export function cleanEdit(
  input: TranslationEditInput,
  base: ArticleContent | null,
  image: ArticleImage | undefined,
  maxArticleChars: number,
): { readonly edit: EditedContent; readonly whole: ArticleContent } {
  const alt = input.imageAlt ?? base?.image?.alt;
  const whole = cleanArticleContent({
    title: input.title,
    summary: input.summary ?? base?.summary ?? '',
    body: input.body,
    categories: input.categories ?? base?.categories ?? [],
    image: image && alt !== undefined ? { url: image.url, alt } : undefined,
  });
  assertBodyHasText(whole);
  assertArticleSize(whole, maxArticleChars);
  const edit: EditedContent = {
    title: whole.title,
    body: whole.body,
    summary: input.summary === undefined ? undefined : whole.summary,
    categories: input.categories === undefined ? undefined : whole.categories,
    image: input.imageAlt === undefined ? undefined : whole.image,
  };
  return { edit, whole };
}
