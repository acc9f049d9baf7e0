import { renderAtom } from './render-atom.ts';
import { renderJsonFeed } from './render-json-feed.ts';
import { renderRss } from './render-rss.ts';
import type { FeedDocument, FeedFormat } from './types.ts';

// The three feed formats: how each is named in URLs and served (`FEED_FORMATS`), and a document
// rendered in one of them (`renderFeed`), by its format's own renderer.

/** How each format is named in URLs and served over HTTP. */
export interface FeedFormatInfo {
  readonly format: FeedFormat;
  /** The last path segment: `rss.xml`, `atom.xml`, `feed.json`. */
  readonly file: string;
  /** `Content-Type`, with charset. */
  readonly contentType: string;
  /** The MIME type alone, for `<link rel="alternate" type>`. */
  readonly mediaType: string;
  /** The format's name, for link titles. */
  readonly name: string;
}

/**
 * The three formats in the order pages list them.
 *
 * @example
 * FEED_FORMATS.find((f) => f.file === 'atom.xml')?.contentType; // 'application/atom+xml; charset=utf-8'
 */
export const FEED_FORMATS: readonly FeedFormatInfo[] = Object.freeze([
  {
    format: 'rss',
    file: 'rss.xml',
    contentType: 'application/rss+xml; charset=utf-8',
    mediaType: 'application/rss+xml',
    name: 'RSS',
  },
  {
    format: 'atom',
    file: 'atom.xml',
    contentType: 'application/atom+xml; charset=utf-8',
    mediaType: 'application/atom+xml',
    name: 'Atom',
  },
  {
    format: 'json',
    file: 'feed.json',
    contentType: 'application/feed+json; charset=utf-8',
    mediaType: 'application/feed+json',
    name: 'JSON Feed',
  },
]);

/**
 * Renders a feed document in one format.
 *
 * @example
 * renderFeed(doc, 'json'); // '{ "version": "https://jsonfeed.org/version/1.1", … }'
 */
export function renderFeed(doc: FeedDocument, format: FeedFormat): string {
  switch (format) {
    case 'rss':
      return renderRss(doc);
    case 'atom':
      return renderAtom(doc);
    case 'json':
      return renderJsonFeed(doc);
  }
}
