import { create } from 'xmlbuilder2';
import { entryHtml, entrySummary, provenanceFields, TIDINGS_NAMESPACE } from './feed-entry.ts';
import { withStylesheet } from './feed-stylesheet.ts';
import type { FeedDocument } from './types.ts';
import { escapeHtml, xmlAttributes, xmlText } from './xml-text.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
const CONTENT = 'http://purl.org/rss/1.0/modules/content/';
const DC = 'http://purl.org/dc/elements/1.1/';

/**
 * Whether RSS can show this logo: RSS 2.0's `<image>` is a GIF, JPEG or PNG (an SVG or WebP
 * logo is the W3C validator's ImageUrlFormat warning), so a URL naming another format is left
 * to Atom's `logo` and JSON Feed's `icon`; one naming none is given the benefit of the doubt.
 */
function rssImageFormat(url: string): boolean {
  const path = URL.canParse(url) ? new URL(url).pathname : url;
  const extension = /\.(\w+)$/.exec(path)?.[1]?.toLowerCase();
  return extension === undefined || ['gif', 'jpg', 'jpeg', 'png'].includes(extension);
}

/**
 * RSS 2.0 with `<language>`, a plain-text `title`, a text-only `description` (escaped for
 * HTML, then XML: readers render it as HTML, so escaping once would let a `<script>` in a
 * summary come alive), `content:encoded` for the full HTML, a stable non-permalink
 * `guid`, `dc:language` per item, and Atom links where RSS has no element of its own:
 * `self`, `next` (RFC 5005), `hub` (WebSub) on the channel and one
 * `<atom:link rel="alternate" hreflang>` per language version on each item, and each item's
 * `<tidings:provenance>`. Built with
 * xmlbuilder2 because the `feed` package cannot add per-item Atom links.
 *
 * @example
 * const xml = renderRss(createFeedDocument({ language: 'uk', id, links, entries }));
 */
export function renderRss(doc: FeedDocument): string {
  const rss = withStylesheet(
    create({ version: '1.0', encoding: 'UTF-8' }),
    doc.links.stylesheet,
  ).ele('rss', {
    version: '2.0',
    'xmlns:atom': ATOM,
    'xmlns:content': CONTENT,
    'xmlns:dc': DC,
    'xmlns:tidings': TIDINGS_NAMESPACE,
  });
  const channel = rss.ele('channel');
  channel.ele('title').txt(xmlText(doc.labels.title));
  channel.ele('link').txt(xmlText(doc.links.home));
  channel.ele('description').txt(xmlText(doc.labels.description));
  channel.ele('language').txt(doc.language);
  channel.ele('lastBuildDate').txt(doc.updated.toUTCString());
  channel.ele('generator').txt('Tidings');
  channel.ele('docs').txt('https://www.rssboard.org/rss-specification');
  if (doc.labels.logoUrl && rssImageFormat(doc.labels.logoUrl)) {
    // The validator wants the image's title and link to match the channel's.
    const image = channel.ele('image');
    image.ele('url').txt(xmlText(doc.labels.logoUrl));
    image.ele('title').txt(xmlText(doc.labels.title));
    image.ele('link').txt(xmlText(doc.links.home));
  }
  channel.ele(ATOM, 'atom:link', {
    rel: 'self',
    type: 'application/rss+xml',
    href: xmlText(doc.links.rss),
  });
  if (doc.links.next) {
    channel.ele(ATOM, 'atom:link', {
      rel: 'next',
      type: 'application/rss+xml',
      href: xmlText(doc.links.next.rss),
    });
  }
  if (doc.links.hub) channel.ele(ATOM, 'atom:link', { rel: 'hub', href: xmlText(doc.links.hub) });
  for (const entry of doc.entries) {
    const item = channel.ele('item');
    item.ele('title').txt(xmlText(entry.title));
    item.ele('link').txt(xmlText(entry.link));
    item.ele('guid', { isPermaLink: 'false' }).txt(xmlText(entry.id));
    item.ele('pubDate').txt(entry.published.toUTCString());
    item.ele(DC, 'dc:language').txt(entry.language);
    entry.categories.forEach((category, i) => {
      const feed = entry.categoryFeeds?.[i];
      item.ele('category', feed ? { domain: xmlText(feed.rss) } : {}).txt(xmlText(category));
    });
    for (const alternate of entry.alternates) {
      item.ele(ATOM, 'atom:link', {
        rel: 'alternate',
        type: 'text/html',
        hreflang: alternate.language,
        href: xmlText(alternate.url),
      });
    }
    item.ele(ATOM, 'atom:updated').txt(entry.updated.toISOString());
    // Readers render description as HTML: the summary (or the start of the body, as text, never
    // the title again) is escaped for HTML, then for XML.
    item.ele('description').txt(xmlText(escapeHtml(entrySummary(entry))));
    item.ele(CONTENT, 'content:encoded').txt(xmlText(entryHtml(entry, doc.labels, doc)));
    item.ele(TIDINGS_NAMESPACE, 'tidings:provenance', xmlAttributes(provenanceFields(entry)));
  }
  return rss.end({ prettyPrint: true });
}
