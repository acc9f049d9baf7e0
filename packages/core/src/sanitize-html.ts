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

/**
 * Cleans an article body against Tidings' allow-list: no scripts, event handlers, styles,
 * `javascript:` URLs or control characters; links get `rel="noopener noreferrer"`. Used on
 * the publisher's HTML and again on the model's output.
 *
 * @example
 * sanitizeArticleHtml('<p onclick="x()">Hi<script>alert(1)</script></p>'); // '<p>Hi</p>'
 */
export function sanitizeArticleHtml(html: string): string {
  return sanitize(html.replace(CONTROL_CHARACTERS, ''), OPTIONS).trim();
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
