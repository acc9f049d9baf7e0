import type { FeedFormat } from './types.ts';

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
