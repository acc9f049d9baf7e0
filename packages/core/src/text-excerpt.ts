import sanitize from 'sanitize-html';
import { LargeTextMemo } from './large-text-memo.ts';
import { KEEP_FROM_CHARS } from './sanitize-html.ts';

// Where a block begins or ends, text needs a space: between two blocks, and between loose
// text and the block before or after it ("Kaniv<p>Engineers…" is "Kaniv Engineers…").
const BLOCK_EDGE =
  /<\/?(?:p|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|figure|figcaption|details|summary|div|section|article|header|footer|aside|nav|main|table|caption|thead|tbody|tfoot|tr|td|th|pre|hr|br)(?=[\s/>])/gi;
const ESCAPED: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

/**
 * The plain text of an HTML body, cut at a word boundary to at most `maxLength` characters
 * (with "…" when cut): what a feed's description or a page's meta description shows when an
 * article has no summary. Markup, scripts, styles and image alt texts are left out; nothing
 * in it is markup any more, so it is escaped like any text wherever it goes.
 *
 * @example
 * textExcerpt('<p>Ukraine joins.</p><p>The JEF <b>welcomes</b> it.</p>', 24); // 'Ukraine joins. The JEF…'
 */
export function textExcerpt(html: string, maxLength = 300): string {
  if (html.length < KEEP_FROM_CHARS) return excerptNow(html, maxLength);
  return largeExcerpts.get(excerptKey(html, maxLength), () => excerptNow(html, maxLength));
}

/** What a large input's excerpt is kept under. */
export function excerptKey(html: string, maxLength: number): string[] {
  return [String(maxLength), html];
}

/** The excerpts of large bodies, kept (a million characters at most); exported for its tests. */
export const largeExcerpts = new LargeTextMemo(1_000_000);

function excerptNow(html: string, maxLength: number): string {
  const escaped = sanitize(html.replace(BLOCK_EDGE, ' $&'), {
    allowedTags: [],
    allowedAttributes: {},
  });
  const text = escaped
    .replace(/&(?:amp|lt|gt|quot);/g, (entity) => ESCAPED[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
