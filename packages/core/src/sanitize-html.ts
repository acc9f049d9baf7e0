import sanitize from 'sanitize-html';

const OPTIONS: sanitize.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'figure',
    'figcaption',
    'ul',
    'ol',
    'li',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'pre',
    'hr',
    'br',
    'img',
    'a',
    'em',
    'strong',
    'b',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'q',
    'cite',
    'abbr',
    'code',
    'time',
    'span',
    'mark',
    'small',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'hreflang', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    abbr: ['title'],
    time: ['datetime'],
    q: ['cite'],
    blockquote: ['cite'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  // Script and style bodies are dropped with their tags, never left behind as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object'],
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer' },
    }),
  },
};

// C0 controls other than tab, newline and carriage return are invalid in XML 1.0 and in feeds.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what is removed.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;

// Feed readers and the W3C feed validator know HTML4-era elements only: `mark` is a
// SecurityRisk there, so feeds carry it as `b`, the nearest element they accept.
const FEED_OPTIONS: sanitize.IOptions = {
  ...OPTIONS,
  transformTags: { ...OPTIONS.transformTags, mark: 'b' },
};

/** Where sanitized HTML goes: `feed` also rewrites what feed readers do not accept. */
export interface SanitizeOptions {
  readonly target?: 'page' | 'feed';
}

/**
 * Cleans an article body against Tidings' allow-list: no scripts, event handlers, styles,
 * `javascript:` URLs or control characters; links get `rel="noopener noreferrer"`. Used on
 * the publisher's HTML, again on the model's output, and on every page and feed.
 *
 * @example
 * sanitizeArticleHtml('<p onclick="x()">Hi<script>alert(1)</script></p>'); // '<p>Hi</p>'
 */
export function sanitizeArticleHtml(html: string, options: SanitizeOptions = {}): string {
  const profile = options.target === 'feed' ? FEED_OPTIONS : OPTIONS;
  return sanitize(html.replace(CONTROL_CHARACTERS, ''), profile).trim();
}

/**
 * Removes control characters that no feed or page may carry from plain text (titles, alt).
 *
 * @example
 * cleanText('Kyiv\u0007 today '); // 'Kyiv today'
 */
export function cleanText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '').trim();
}
