export {
  createFeedDocument,
  type FeedDocumentInput,
  feedLabels,
} from './create-feed-document.ts';
export { entryHtml, feedTextWork } from './feed-entry.ts';
export { feedStylesheet } from './feed-stylesheet.ts';
export { renderAtom } from './render-atom.ts';
export { FEED_FORMATS, type FeedFormatInfo, renderFeed } from './render-feed.ts';
export { renderJsonFeed } from './render-json-feed.ts';
export { type NewsSitemapItem, renderNewsSitemap } from './render-news-sitemap.ts';
export { type OpmlInput, renderOpml } from './render-opml.ts';
export { renderRss } from './render-rss.ts';
export {
  renderSitemap,
  renderSitemapIndex,
  SITEMAP_MAX_URLS,
  type SitemapUrl,
} from './render-sitemap.ts';
export type {
  FeedAlternate,
  FeedDocument,
  FeedEntry,
  FeedFormat,
  FeedImage,
  FeedLabels,
  FeedLinks,
} from './types.ts';
export { escapeHtml, xmlSafe, xmlText } from './xml-text.ts';
