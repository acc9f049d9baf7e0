import { provenanceOf } from '@tidings/core';
import type { FeedEntry } from '@tidings/feed';
import { type ListedArticle, slugify } from '@tidings/store';
import type { SiteUrls } from './site-urls.ts';

/**
 * Maps one listed language version to the feed package's entry: stable id from the article
 * id, language and first publication, link and alternates from each version's own slug,
 * provenance from its state.
 *
 * @example
 * page.items.map((item) => toFeedEntry(item, urls));
 */
export function toFeedEntry(item: ListedArticle, urls: SiteUrls): FeedEntry {
  return {
    id: urls.entryId(item.id, item.language, item.publishedAt, item.legacyEntryId),
    language: item.language,
    title: item.content.title,
    summary: item.content.summary,
    contentHtml: item.content.body,
    image: item.content.image,
    categories: item.content.categories,
    categoryFeeds: item.content.categories.map((name) => {
      const categorySlug = slugify(name);
      return {
        rss: urls.feed(item.language, 'rss', { categorySlug }),
        atom: urls.feed(item.language, 'atom', { categorySlug }),
        json: urls.feed(item.language, 'json', { categorySlug }),
      };
    }),
    published: item.publishedAt,
    updated: item.updatedAt,
    link: urls.article(item.language, item.slug),
    alternates: item.languages
      .filter((language) => language !== item.language)
      .map((language) => ({
        language,
        url: urls.article(language, item.slugs[language] ?? item.slug),
      })),
    provenance: provenanceOf({ ...item, live: true }),
    originalUrl:
      item.language === item.sourceLanguage
        ? undefined
        : urls.article(item.sourceLanguage, item.slugs[item.sourceLanguage] ?? item.slug),
  };
}
