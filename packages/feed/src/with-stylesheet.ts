import type { create } from 'xmlbuilder2';

type XMLBuilder = ReturnType<typeof create>;

import { escapeHtml } from './xml-text.ts';

/**
 * Adds `<?xml-stylesheet type="text/xsl" href="…"?>` before the root element, so that a
 * browser shows the feed through the stylesheet instead of as raw XML; feed readers ignore it.
 *
 * @example
 * withStylesheet(create({ version: '1.0' }), '/feeds/uk/feed.xsl').ele('rss');
 */
export function withStylesheet(doc: XMLBuilder, href: string | undefined): XMLBuilder {
  if (href === undefined) return doc;
  return doc.ins('xml-stylesheet', `type="text/xsl" href="${escapeHtml(href)}"`);
}
