import { createHash } from 'node:crypto';
import type { ArticleIndexPage } from '@tidings/store';

/**
 * The version of what a queue page shows (counts, the next page, and each article's id,
 * revision, title and language states): it changes when anything shown changes. The page
 * carries it as `data-version` and its weak `ETag`; the page's script sends it back as
 * `If-None-Match` and gets a 304 without a page while nothing changed.
 *
 * @example
 * queueVersion(page); // 'q3Yb…'
 */
export function queueVersion(page: ArticleIndexPage | undefined): string {
  const shown = page && {
    counts: page.counts,
    next: page.nextCursor,
    items: page.items.map((a) => [
      a.id,
      a.revision,
      a.title,
      a.languages.map((l) => `${l.language}:${l.status}`),
    ]),
  };
  return createHash('sha256')
    .update(JSON.stringify(shown ?? null))
    .digest('base64url');
}
