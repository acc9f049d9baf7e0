import { entryHtml, entrySummary, provenanceFields } from './feed-entry.ts';
import type { FeedDocument } from './types.ts';
import { xmlSafe } from './xml-text.ts';

/**
 * JSON Feed 1.1 with `language` on the feed and every item, `next_url` paging, an optional
 * WebSub hub, and each item's other language versions in a `_tidings` extension object
 * (`{ provenance: { kind, sourceLanguage, model?, original? }, alternates: [{ language, url }] }`), as JSON Feed's extension rules allow.
 *
 * @example
 * const json = renderJsonFeed(createFeedDocument({ language: 'uk', id, links, entries }));
 */
export function renderJsonFeed(doc: FeedDocument): string {
  // JSON can carry control characters escaped, but readers that turn it into HTML or XML
  // cannot; the same text as in the XML formats keeps the three feeds identical.
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: xmlSafe(doc.labels.title),
    home_page_url: doc.links.home,
    feed_url: doc.links.json,
    description: xmlSafe(doc.labels.description),
    language: doc.language,
    authors: [{ name: xmlSafe(doc.labels.siteName) }],
    ...(doc.labels.logoUrl ? { icon: doc.labels.logoUrl } : {}),
    ...(doc.links.next ? { next_url: doc.links.next.json } : {}),
    ...(doc.links.hub ? { hubs: [{ type: 'WebSub', url: doc.links.hub }] } : {}),
    items: doc.entries.map((entry) => ({
      id: entry.id,
      url: entry.link,
      title: xmlSafe(entry.title),
      ...(entrySummary(entry) ? { summary: xmlSafe(entrySummary(entry)) } : {}),
      content_html: xmlSafe(entryHtml(entry, doc.labels, doc)),
      ...(entry.image ? { image: entry.image.url } : {}),
      date_published: entry.published.toISOString(),
      date_modified: entry.updated.toISOString(),
      ...(entry.categories.length > 0 ? { tags: entry.categories.map(xmlSafe) } : {}),
      language: entry.language,
      _tidings: {
        provenance: {
          ...provenanceFields(entry),
          ...(entry.provenance.demo ? { demo: true } : {}),
        },
        alternates: entry.alternates.map((a) => ({ language: a.language, url: a.url })),
        ...(entry.categoryFeeds
          ? {
              categories: entry.categories.map((name, i) => ({
                name: xmlSafe(name),
                feed_url: entry.categoryFeeds?.[i]?.json,
              })),
            }
          : {}),
      },
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
