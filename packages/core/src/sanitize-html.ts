import sanitize from 'sanitize-html';
import type { ArticleContent } from './article.ts';
import { flattenDeepMarkup, MAX_MARKUP_DEPTH } from './flatten-deep-markup.ts';
import { LargeTextMemo } from './large-text-memo.ts';

/*
 * The allow-list. What is kept is what newsrooms write and what cannot run or load anything
 * by itself in a page or a feed reader:
 * - text structure: paragraphs, headings (an `h1` is kept as an `h2`: the page's own `h1` is
 *   the article's title), quotes, lists, definition lists (`dl`/`dt`/`dd`),
 *   `pre`, `hr`, `br`;
 * - tables with their caption, column groups and footer (`caption`, `colgroup`/`col` with
 *   `span`, `tfoot`): without `caption` a table's title became loose text that browsers move
 *   above the table;
 * - figures with `figcaption`, and `img` (only `http`, `https` sources);
 * - inline semantics: emphasis, `sub`/`sup`, `q`, `cite`, `abbr`, `dfn`, `code`, `time`,
 *   `mark`, `small`, `span`, and edits with their date (`ins`/`del` with `datetime`, `cite`);
 * - direction and language: `bdi`, `bdo`, and `lang` (a BCP 47 tag), `dir` (`ltr`, `rtl`,
 *   `auto`) on every element, so a right-to-left name keeps its direction; `translate`
 *   (`yes`, `no`) and the class `notranslate`, which tell the translator what to leave alone;
 * - `details`/`summary`: a disclosure the browser opens without any script; the content stays
 *   in the document (readers that ignore the element show it all), so nothing is hidden from
 *   a feed or a search engine.
 * Left out: scripts, styles and event handlers, forms and embeds (`iframe`, `object`,
 * `video`…: they load or run third-party content), `class` and `id` (other than `notranslate`:
 * they would let an article reach the page's own styles and anchors).
 */
const TAGS_WITH_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  p: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  blockquote: ['cite'],
  figure: [],
  figcaption: [],
  ul: [],
  ol: [],
  li: [],
  dl: [],
  dt: [],
  dd: [],
  details: ['open'],
  summary: [],
  table: [],
  caption: [],
  colgroup: ['span'],
  col: ['span'],
  thead: [],
  tbody: [],
  tfoot: [],
  tr: [],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
  pre: [],
  hr: [],
  br: [],
  img: ['src', 'alt', 'width', 'height'],
  a: ['href', 'title', 'hreflang', 'rel'],
  em: [],
  strong: [],
  b: [],
  i: [],
  u: [],
  s: [],
  sub: [],
  sup: [],
  q: ['cite'],
  cite: [],
  abbr: ['title'],
  dfn: ['title'],
  code: [],
  time: ['datetime'],
  ins: ['cite', 'datetime'],
  del: ['cite', 'datetime'],
  span: [],
  bdi: [],
  bdo: [],
  mark: [],
  small: [],
};

/** Attributes every element may carry; their values are checked in {@link checkGlobals}. */
const GLOBAL_ATTRIBUTES = ['lang', 'dir', 'translate'];
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const DIRECTIONS = new Set(['ltr', 'rtl', 'auto']);
const TRANSLATE = new Set(['yes', 'no']);

/** Drops a `lang`, `dir` or `translate` whose value means nothing to a browser. */
function checkGlobals(attribs: sanitize.Attributes): sanitize.Attributes {
  const out = { ...attribs };
  if (out.lang !== undefined && !LANGUAGE_TAG.test(out.lang)) delete out.lang;
  if (out.dir !== undefined) {
    const dir = out.dir.toLowerCase();
    if (DIRECTIONS.has(dir)) out.dir = dir;
    else delete out.dir;
  }
  if (out.translate !== undefined) {
    const translate = out.translate.toLowerCase();
    if (TRANSLATE.has(translate)) out.translate = translate;
    else delete out.translate;
  }
  return out;
}

/*
 * Renamed wherever HTML is sanitized. An `h1` in a body is kept as an `h2`: the page has one
 * `h1`, the article's title; dropped, its text ran into the next paragraph.
 */
const RENAMES: Readonly<Record<string, string>> = { h1: 'h2' };

const OPTIONS: sanitize.IOptions = {
  allowedTags: Object.keys(TAGS_WITH_ATTRIBUTES),
  allowedAttributes: {
    ...Object.fromEntries(
      Object.entries(TAGS_WITH_ATTRIBUTES).map(([tag, attributes]) => [tag, [...attributes]]),
    ),
    '*': GLOBAL_ATTRIBUTES,
  },
  allowedClasses: { '*': ['notranslate'] },
  selfClosing: [...sanitize.defaults.selfClosing, 'col'],
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  // Script and style bodies are dropped with their tags, never left behind as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object'],
  disallowedTagsMode: 'discard',
  // flattenDeepMarkup has already kept the parser's depth within this; the sanitizer's own
  // limit makes sure of it whatever the two parsers disagree on.
  nestingLimit: MAX_MARKUP_DEPTH,
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...checkGlobals(attribs), rel: 'noopener noreferrer' },
    }),
    '*': (tagName, attribs) => ({
      tagName: RENAMES[tagName] ?? tagName,
      attribs: checkGlobals(attribs),
    }),
  },
};

// C0 controls other than tab, newline and carriage return are invalid in XML 1.0 and in feeds;
// bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) let a title display
// text in an order other than the one it is stored in ("Trojan Source"), and an unclosed one
// reorders whatever a page or reader shows after it.
const CONTROL_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what is removed.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g;

// The W3C feed validator calls every element outside its accepted list a SecurityRisk. That
// list has `caption`, `colgroup`/`col`, `dfn`, `bdi`, `details` and `summary`, but not `bdo`:
// feeds carry a `bdo` as a `span` that keeps its `dir` (the run is isolated rather than
// overridden; its letters stay in order). `mark` goes as `b`, as feed readers have long shown
// it. Attributes other than event handlers and styles raise nothing there, so `translate`
// and the rest of what intake keeps stay.
const FEED_RENAMES: Readonly<Record<string, string>> = { ...RENAMES, bdo: 'span', mark: 'b' };

function feedTag(tagName: string, attribs: sanitize.Attributes) {
  const kept = checkGlobals(attribs);
  if (tagName === 'a') kept.rel = 'noopener noreferrer';
  return { tagName: FEED_RENAMES[tagName] ?? tagName, attribs: kept };
}

const FEED_OPTIONS: sanitize.IOptions = {
  ...OPTIONS,
  transformTags: { '*': feedTag },
};

const URL_ATTRIBUTES = ['href', 'src', 'cite'] as const;

// A feed is read away from the page: a reader resolves a relative link against the feed's URL,
// or not at all (the W3C validator's ContainsRelRef). Resolved against the page, it points
// where it did there; what resolves to another scheme is left for the allow-list to judge.
function feedOptionsFor(baseUrl: string): sanitize.IOptions {
  return {
    ...FEED_OPTIONS,
    transformTags: {
      '*': (tagName, attribs) => {
        const tag = feedTag(tagName, attribs);
        for (const name of URL_ATTRIBUTES) {
          const value = tag.attribs[name];
          if (value === undefined || /^[a-z][a-z0-9+.-]*:/i.test(value.trim())) continue;
          try {
            tag.attribs[name] = new URL(value.trim(), baseUrl).href;
          } catch {
            delete tag.attribs[name];
          }
        }
        return tag;
      },
    },
  };
}

/** Where sanitized HTML goes: `feed` also rewrites what feed readers do not accept. */
export interface SanitizeOptions {
  readonly target?: 'page' | 'feed';
  /**
   * For a feed: the article page's URL, against which relative links and image sources are
   * made absolute.
   */
  readonly baseUrl?: string | undefined;
}

/**
 * Cleans an article body against Tidings' allow-list: no scripts, event handlers, styles,
 * `javascript:` URLs or control characters, and no empty inline element (`<strong></strong>`);
 * links get `rel="noopener noreferrer"`; elements
 * nested deeper than {@link MAX_MARKUP_DEPTH} are flattened to their text first, so the time
 * taken stays linear in the input. Used on the publisher's HTML, again on the model's
 * output, and on every page and feed; a large input's result is kept, so the same large body
 * (with the same options) is worked on once, however many feeds and views show it.
 *
 * @example
 * sanitizeArticleHtml('<p onclick="x()">Hi<script>alert(1)</script></p>'); // '<p>Hi</p>'
 */
export function sanitizeArticleHtml(html: string, options: SanitizeOptions = {}): string {
  if (html.length < KEEP_FROM_CHARS) return sanitizeNow(html, options);
  return largeSanitized.get(sanitizedKey(html, options), () => sanitizeNow(html, options));
}

/** What a large input's sanitized result is kept under: the input and the options it depends on. */
export function sanitizedKey(html: string, options: SanitizeOptions): string[] {
  return [options.target ?? 'page', options.baseUrl ?? '', html];
}

/**
 * Inputs at least this long are sanitized once and the result kept ({@link largeSanitized}):
 * a large body is shown on every view of its page and in every render of every feed it is in.
 */
export const KEEP_FROM_CHARS = 20_000;

/** The sanitized large bodies (16 million characters at most); exported for its tests. */
export const largeSanitized = new LargeTextMemo(16_000_000);

function sanitizeNow(html: string, options: SanitizeOptions): string {
  const profile =
    options.target !== 'feed'
      ? OPTIONS
      : options.baseUrl === undefined
        ? FEED_OPTIONS
        : feedOptionsFor(options.baseUrl);
  return withoutEmptyInline(
    sanitize(flattenDeepMarkup(html.replace(CONTROL_CHARACTERS, '')), profile),
  ).trim();
}

/*
 * Inline elements that mean nothing without content: an empty `<strong></strong>` (a desk's
 * button pressed with nothing selected) shows nothing and would only be stored, translated and
 * published as noise. Only an element with nothing at all inside goes: one around an image or a
 * `<br>`, or around a space (which keeps two words apart), stays.
 */
const INLINE_TAGS = [
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
];
// The sanitizer's own output: attribute values have `>` escaped, so `[^>]*` is the tag's end.
const EMPTY_INLINE = new RegExp(`<(${INLINE_TAGS.join('|')})(?:\\s[^>]*)?></\\1>`, 'g');

/** Sanitized HTML without its empty inline elements, nested ones (`<em><b></b></em>`) included. */
function withoutEmptyInline(html: string): string {
  let out = html;
  for (;;) {
    const next = out.replace(EMPTY_INLINE, '');
    if (next === out) return out;
    out = next;
  }
}

/**
 * Removes control characters that no feed or page may carry, bidi controls included, from
 * plain text (titles, alt).
 *
 * @example
 * cleanText('Kyiv\u0007 today '); // 'Kyiv today'
 */
export function cleanText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '').trim();
}

/**
 * Cleans an article's content as every text that reaches readers is cleaned, wherever it comes
 * from (a publisher's post, a model's output, an editor's correction): the plain fields as
 * text ({@link cleanText}), the body through the HTML allow-list ({@link sanitizeArticleHtml}),
 * the image's alt text as text and its URL as given (checked where it enters).
 *
 * @example
 * cleanArticleContent({ title: 'Kyiv\u0007 now ', summary: '', body: '<p onclick="x()">Hi</p>', categories: [] });
 * // { title: 'Kyiv now', summary: '', body: '<p>Hi</p>', categories: [], image: undefined }
 */
export function cleanArticleContent(content: ArticleContent): ArticleContent {
  return {
    title: cleanText(content.title),
    summary: cleanText(content.summary),
    body: sanitizeArticleHtml(content.body),
    categories: content.categories.map(cleanText),
    image: content.image
      ? { url: content.image.url, alt: cleanText(content.image.alt) }
      : undefined,
  };
}
