import type { LanguageCode } from '@tidings/core';

/** What {@link versionSlug} reads: an article's own slug and its versions' slugs. */
export interface SluggedArticle {
  readonly slug: string;
  readonly languages: readonly { readonly language: LanguageCode; readonly slug: string | null }[];
}

/**
 * The slug of an article's page in a language: the version's own, once it went live, else
 * the article's (which shows the original there, under a notice).
 *
 * @example
 * urls.article('uk', versionSlug(article, 'uk')); // …/uk/articles/ukraina-pryiednalasia-do-jef
 */
export function versionSlug(article: SluggedArticle, language: LanguageCode): string {
  return article.languages.find((l) => l.language === language)?.slug ?? article.slug;
}
