import { provenanceOf } from '@tidings/core';
import type { FeedEntry } from '@tidings/feed';
import type { ListedArticle } from '@tidings/store';
import type { SiteUrls } from './site-urls.ts';

/**
 * Maps one listed language version to the feed package's entry: stable id from the article
 * id and language, link and alternates from the shared slug, provenance from its state.
 *
 * @example
 * page.items.map((item) => toFeedEntry(item, urls));
 */
export function toFeedEntry(item: ListedArticle, urls: SiteUrls): FeedEntry {
  return {
    id: urls.entryId(item.id, item.language),
    language: item.language,
    title: item.content.title,
    summary: item.content.summary,
    contentHtml: item.content.body,
    image: item.content.image,
    categories: item.content.categories,
    published: item.publishedAt,
    updated: item.updatedAt,
    link: urls.article(item.language, item.slug),
    alternates: item.languages
      .filter((language) => language !== item.language)
      .map((language) => ({ language, url: urls.article(language, item.slug) })),
    provenance: provenanceOf({ ...item, live: true }),
    originalUrl:
      item.language === item.sourceLanguage
        ? undefined
        : urls.article(item.sourceLanguage, item.slug),
  };
}
