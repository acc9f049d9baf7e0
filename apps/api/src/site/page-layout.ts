import { LANGUAGES, type LanguageCode, languageName, type SiteSettings } from '@tidings/core';
import { FEED_FORMATS } from '@tidings/feed';
import { translatorFor } from '@tidings/i18n';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { type PageMeta, pageMeta } from './page-meta.ts';
import type { SiteUrls } from './site-urls.ts';

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
