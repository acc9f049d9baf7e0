import type { ArticleContent } from './article.ts';

/** The default of MAX_ARTICLE_CHARS: the largest article Tidings accepts and translates. */
export const DEFAULT_MAX_ARTICLE_CHARS = 200_000;

/**
 * The size of an article as MAX_ARTICLE_CHARS counts it: the characters (UTF-16 code units)
 * of its title, summary, cleaned HTML body, categories and image alt text. The API refuses a
 * larger article at intake and the translator takes any article up to it, by this one measure.
 *
 * @example
 * articleSize({ title: 'Kyiv', summary: '', body: '<p>x</p>', categories: ['News'] }); // 16
 */
export function articleSize(
  content: Pick<ArticleContent, 'title' | 'summary' | 'body' | 'categories'> & {
    readonly image?: { readonly alt: string } | undefined;
  },
): number {
  return (
    content.title.length +
    content.summary.length +
    content.body.length +
    content.categories.reduce((n, c) => n + c.length, 0) +
    (content.image?.alt.length ?? 0)
  );
}
