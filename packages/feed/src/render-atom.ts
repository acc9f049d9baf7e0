import { create } from 'xmlbuilder2';
import { entryHtml, entrySummary, provenanceFields, TIDINGS_NAMESPACE } from './feed-entry.ts';
import { withStylesheet } from './feed-stylesheet.ts';
import type { FeedDocument } from './types.ts';
import { xmlAttributes, xmlText } from './xml-text.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
const XML = 'http://www.w3.org/XML/1998/namespace';

/**
 * Atom 1.0 (RFC 4287) with `xml:lang` on the feed and on every entry, one
 * `<link rel="alternate" hreflang>` per language version, RFC 5005 `next` paging and an
 * optional WebSub hub, and each entry's `<tidings:provenance>`. Built with xmlbuilder2 rather than the `feed` package, which can
 * express none of per-entry language, hreflang alternates, paging or hubs.
 *
 * @example
 * const xml = renderAtom(createFeedDocument({ language: 'uk', id, links, entries }));
 */
export function renderAtom(doc: FeedDocument): string {
  const root = withStylesheet(create({ version: '1.0', encoding: 'UTF-8' }), doc.links.stylesheet)
    .ele(ATOM, 'feed', { 'xmlns:tidings': TIDINGS_NAMESPACE })
    .att(XML, 'xml:lang', doc.language);
  root.ele('id').txt(xmlText(doc.id));
  root.ele('title').txt(xmlText(doc.labels.title));
  root.ele('subtitle').txt(xmlText(doc.labels.description));
  root.ele('updated').txt(doc.updated.toISOString());
  root.ele('author').ele('name').txt(xmlText(doc.labels.siteName));
  root.ele('generator').txt('Tidings');
  if (doc.labels.logoUrl) root.ele('logo').txt(xmlText(doc.labels.logoUrl));
  root.ele('link', { rel: 'self', type: 'application/atom+xml', href: xmlText(doc.links.atom) });
  root.ele('link', {
    rel: 'alternate',
    type: 'text/html',
    hreflang: doc.language,
    href: xmlText(doc.links.home),
  });
  if (doc.links.next) {
    root.ele('link', {
      rel: 'next',
      type: 'application/atom+xml',
      href: xmlText(doc.links.next.atom),
    });
  }
  if (doc.links.hub) root.ele('link', { rel: 'hub', href: xmlText(doc.links.hub) });
  for (const entry of doc.entries) {
    const e = root.ele('entry').att(XML, 'xml:lang', entry.language);
    e.ele('id').txt(xmlText(entry.id));
    e.ele('title', { type: 'text' }).txt(xmlText(entry.title));
    e.ele('published').txt(entry.published.toISOString());
    e.ele('updated').txt(entry.updated.toISOString());
    e.ele('link', {
      rel: 'alternate',
      type: 'text/html',
      hreflang: entry.language,
      href: xmlText(entry.link),
    });
    for (const alternate of entry.alternates) {
      e.ele('link', {
        rel: 'alternate',
        type: 'text/html',
        hreflang: alternate.language,
        href: xmlText(alternate.url),
      });
    }
    entry.categories.forEach((category, i) => {
      e.ele('category', { term: xmlText(category), label: xmlText(category) });
      const feed = entry.categoryFeeds?.[i];
      if (feed) {
        e.ele('link', {
          rel: 'related',
          type: 'application/atom+xml',
          title: xmlText(category),
          href: xmlText(feed.atom),
        });
      }
    });
    const summary = entrySummary(entry);
    if (summary) e.ele('summary', { type: 'text' }).txt(xmlText(summary));
    // Escaped HTML (type="html"), never hand-built CDATA: the serializer escapes `]]>` too.
    e.ele('content', { type: 'html' }).txt(xmlText(entryHtml(entry, doc.labels, doc)));
    e.ele(TIDINGS_NAMESPACE, 'tidings:provenance', xmlAttributes(provenanceFields(entry)));
  }
  return root.end({ prettyPrint: true });
}
