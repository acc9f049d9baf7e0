import { type LanguageCode, languageOf } from '@tidings/core';
import { html, raw } from 'hono/html';

/** What social networks and search engines are told about a page. */
export interface PageMeta {
  readonly type: 'article' | 'website';
  /** The page's canonical URL. */
  readonly url: string;
  readonly title: string;
  readonly description: string;
  readonly siteName: string;
  readonly language: LanguageCode;
  /** The other languages the page exists in (`og:locale:alternate`). */
  readonly alternateLanguages: readonly LanguageCode[];
  readonly image?: { readonly url: string; readonly alt: string } | undefined;
  readonly publishedTime?: Date | undefined;
  readonly modifiedTime?: Date | undefined;
  readonly section?: string | undefined;
  /** schema.org JSON-LD describing the page. */
  readonly structuredData?: object | undefined;
}

// OpenGraph wants locales as ll_CC.
const ogLocale = (language: LanguageCode) => languageOf(language).locale.replace('-', '_');

/**
 * JSON for a `<script type="application/ld+json">` element: nothing in it can close the
 * element or open a comment, whatever an article's text says, since `<`, `>` and `&` (and the
 * two line separators JavaScript once refused) are written as escapes JSON reads back alike.
 *
 * @example
 * jsonLdText({ headline: '</script><script>alert(1)' }); // '{"headline":"\\u003c/script\\u003e…"}'
 */
export function jsonLdText(value: object): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The `<head>` elements that describe a page to others: OpenGraph (with `og:locale` and
 * `og:locale:alternate`), the Twitter card, and schema.org JSON-LD. JSON-LD is data, not
 * script: browsers never run it, and the page's CSP (no script at all) stays as it is.
 *
 * @example
 * pageMeta({ type: 'article', url, title, description, siteName, language: 'uk', alternateLanguages: ['en'] });
 */
export function pageMeta(meta: PageMeta) {
  const card = meta.image ? 'summary_large_image' : 'summary';
  return html`<meta property="og:site_name" content="${meta.siteName}">
<meta property="og:type" content="${meta.type}">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
<meta property="og:url" content="${meta.url}">
<meta property="og:locale" content="${ogLocale(meta.language)}">
${meta.alternateLanguages.map((l) => html`<meta property="og:locale:alternate" content="${ogLocale(l)}">\n`)}${
  meta.image
    ? html`<meta property="og:image" content="${meta.image.url}">
<meta property="og:image:alt" content="${meta.image.alt}">
`
    : ''
}${meta.publishedTime ? html`<meta property="article:published_time" content="${meta.publishedTime.toISOString()}">\n` : ''}${
  meta.modifiedTime
    ? html`<meta property="article:modified_time" content="${meta.modifiedTime.toISOString()}">\n`
    : ''
}${meta.section ? html`<meta property="article:section" content="${meta.section}">\n` : ''}<meta name="twitter:card" content="${card}">
<meta name="twitter:title" content="${meta.title}">
<meta name="twitter:description" content="${meta.description}">
${
  meta.image
    ? html`<meta name="twitter:image" content="${meta.image.url}">
<meta name="twitter:image:alt" content="${meta.image.alt}">
`
    : ''
}${meta.structuredData ? html`<script type="application/ld+json">${raw(jsonLdText(meta.structuredData))}</script>` : ''}`;
}
