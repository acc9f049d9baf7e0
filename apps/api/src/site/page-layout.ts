import {
  LANGUAGES,
  type LanguageCode,
  languageName,
  languageOf,
  type SiteSettings,
} from '@tidings/core';
import { FEED_FORMATS } from '@tidings/feed';
import { translatorFor } from '@tidings/i18n';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { SiteUrls } from './site-urls.ts';

// The HTML document every page of the site stands in: the layout around its content, and the
// `<head>` elements that describe the page to social networks and search engines (`pageMeta`).

/** A link to one language version of the page being shown. */
export interface PageAlternate {
  readonly language: LanguageCode;
  readonly url: string;
}

/** What every page has around its content. */
export interface PageLayoutInput {
  readonly language: LanguageCode;
  /** The page's own title; the newsroom's name is added after it. */
  readonly title: string;
  /** `<meta name="description">`: one or two plain sentences about this page. */
  readonly description?: string | undefined;
  readonly urls: SiteUrls;
  /** The newsroom's name, logo and footer. */
  readonly site: SiteSettings;
  /** The switcher's target in each language served (`urls.languages`). */
  readonly switcher: (language: LanguageCode) => string;
  /** Versions announced with `<link rel="alternate" hreflang>`, this one included. */
  readonly alternates: readonly PageAlternate[];
  /** The `x-default` version: the source language's for an article. */
  readonly xDefault?: string | undefined;
  readonly canonical?: string | undefined;
  /** More RSS feeds to announce, such as the article's categories'. */
  readonly feeds?: readonly { readonly title: string; readonly url: string }[] | undefined;
  /** OpenGraph, Twitter card and JSON-LD. */
  readonly meta?: PageMeta | undefined;
  readonly content: HtmlEscapedString | Promise<HtmlEscapedString>;
}

/**
 * The HTML document around a page: `<html lang>`, its title and description, `hreflang`
 * alternates and `x-default`, feed autodiscovery, the stylesheet and icon, the newsroom's
 * name and logo, the language switcher "En Es De Fr It Ук" (each language named in itself,
 * for readers who do not read the page's), and the footer. Everything interpolated is
 * escaped by `hono/html`; no script anywhere.
 *
 * @example
 * c.html(pageLayout({ language: 'uk', title, urls, switcher: (l) => urls.home(l), alternates, content }));
 */
export function pageLayout(input: PageLayoutInput) {
  const { language, urls } = input;
  const t = translatorFor(language);
  const name = languageName(language, language);
  const siteName = input.site.name[language];
  const footer = input.site.footer[language];
  return html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.title} — ${siteName}</title>
${input.description ? html`<meta name="description" content="${input.description}">` : ''}
<link rel="stylesheet" href="/assets/site.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${input.canonical ? html`<link rel="canonical" href="${input.canonical}">` : ''}
${input.meta ? pageMeta(input.meta) : ''}
${input.alternates.filter((a) => input.urls.languages.includes(a.language)).map((a) => html`<link rel="alternate" hreflang="${a.language}" href="${a.url}">\n`)}
${input.xDefault ? html`<link rel="alternate" hreflang="x-default" href="${input.xDefault}">` : ''}
${FEED_FORMATS.map(
  (f) =>
    html`<link rel="alternate" type="${f.mediaType}" title="${t('site:page.feedLink', { format: f.name, language: name })}" href="${urls.feed(language, f.format)}">\n`,
)}
${(input.feeds ?? []).map(
  (f) => html`<link rel="alternate" type="application/rss+xml" title="${f.title}" href="${f.url}">
`,
)}</head>
<body>
<a class="skip" href="#content">${t('site:page.skip')}</a>
<header class="site"><div class="bar">
<a class="brand" href="${urls.home(language)}">${input.site.logoUrl ? html`<img src="${input.site.logoUrl}" alt="">` : ''}${siteName}</a>
<nav class="languages" aria-label="${t('common:language.switcher')}"><ul>
${LANGUAGES.filter((l) => input.urls.languages.includes(l.code)).map(
  (l) =>
    html`<li><a href="${input.switcher(l.code)}" hreflang="${l.code}" lang="${l.code}" title="${languageName(l.code, l.code, { standalone: true })}"${l.code === language ? html` aria-current="page"` : ''}>${l.menuLabel}</a></li>`,
)}
</ul></nav>
</div></header>
<main id="content">
${input.content}
</main>
<footer class="site">
${footer ? html`<p class="imprint">${footer}</p>` : ''}
<span>${t('site:page.subscribe')}:</span>
<ul>
${FEED_FORMATS.map((f) => html`<li><a href="${urls.feed(language, f.format)}" type="${f.mediaType}">${f.name}</a></li>`)}
<li><a href="${urls.opml()}">OPML</a></li>
</ul>
</footer>
</body>
</html>`;
}

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
