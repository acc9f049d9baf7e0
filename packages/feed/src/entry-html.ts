import { languageOf, sanitizeArticleHtml } from '@tidings/core';
import { escapeHtml } from './escape-html.ts';
import type { FeedEntry, FeedLabels } from './types.ts';

// A parsed URL has its quotes and spaces percent-encoded, so even a reader that decodes
// entities twice cannot see an attribute end inside it.
function httpUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The HTML a reader shows for an entry: the lead image with its alt text, the body, and a
 * localized "Read in: …" line linking every other language version. Sanitized again here,
 * so a feed never relies on every writer of the store having sanitized.
 *
 * @example
 * entryHtml(entry, labels); // '<figure><img src="…" alt="…" /></figure><p>…</p><p>Read in: <a …>Español</a></p>'
 */
export function entryHtml(entry: FeedEntry, labels: Pick<FeedLabels, 'readIn'>): string {
  const parts: string[] = [];
  const imageUrl = entry.image ? httpUrl(entry.image.url) : undefined;
  if (entry.image && imageUrl) {
    parts.push(
      `<figure><img src="${escapeHtml(imageUrl)}" alt="${escapeHtml(entry.image.alt)}" /></figure>`,
    );
  }
  parts.push(entry.contentHtml);
  if (entry.alternates.length > 0) {
    const links = entry.alternates
      .map((alternate) => {
        const language = languageOf(alternate.language);
        return `<a href="${escapeHtml(alternate.url)}" hreflang="${language.code}">${escapeHtml(language.nativeName)}</a>`;
      })
      .join(', ');
    // The label is split around a marker so the translator controls word order while the
    // links stay markup the label cannot inject into.
    const marker = '\u0001LINKS\u0001';
    const [before = '', after = ''] = labels.readIn(marker).split(marker);
    parts.push(`<p>${escapeHtml(before)}${links}${escapeHtml(after)}</p>`);
  }
  return sanitizeArticleHtml(parts.join('\n'), { target: 'feed' });
}
