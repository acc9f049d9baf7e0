import { renderAtom } from './render-atom.ts';
import { renderJsonFeed } from './render-json-feed.ts';
import { renderRss } from './render-rss.ts';
import type { FeedDocument, FeedFormat } from './types.ts';

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
