import type { LanguageCode } from '@tidings/core';
import { create } from 'xmlbuilder2';
import { xmlText } from './xml-text.ts';

const SITEMAP = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS = 'http://www.google.com/schemas/sitemap-news/0.9';

/** One recent article in one language, as a news sitemap lists it. */
export interface NewsSitemapItem {
  /** Absolute URL of the article's page. */
  readonly loc: string;
  /** The publication's name as it appears on the site in this language. */
  readonly publicationName: string;
  readonly language: LanguageCode;
  readonly publishedAt: Date;
  /** Plain text. */
  readonly title: string;
}

/**
 * A Google News sitemap: the articles of one language first published in the last two days
 * (at most 1,000), each with its publication's name and language, date and title.
 *
 * @example
 * renderNewsSitemap([{ loc, publicationName: 'Kyiv Ledger', language: 'uk', publishedAt, title }]);
 */
export function renderNewsSitemap(items: readonly NewsSitemapItem[]): string {
  const set = create({ version: '1.0', encoding: 'UTF-8' }).ele(SITEMAP, 'urlset', {
    'xmlns:news': NEWS,
  });
  for (const item of items) {
    const url = set.ele('url');
    url.ele('loc').txt(xmlText(item.loc));
    const news = url.ele(NEWS, 'news:news');
    const publication = news.ele(NEWS, 'news:publication');
    publication.ele(NEWS, 'news:name').txt(xmlText(item.publicationName));
    publication.ele(NEWS, 'news:language').txt(item.language);
    news.ele(NEWS, 'news:publication_date').txt(item.publishedAt.toISOString());
    news.ele(NEWS, 'news:title').txt(xmlText(item.title));
  }
  return set.end({ prettyPrint: true });
}
