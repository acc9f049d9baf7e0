import { type LanguageCode, languageOf } from '@tidings/core';
import { translatorFor } from '@tidings/i18n';
import type { create } from 'xmlbuilder2';
import { escapeHtml } from './xml-text.ts';

/**
 * An XSLT 1.0 template named `date` that writes a day, a month (1–12) and a year as readers of
 * the language write a date ("30 листопада 2026 р."), from the platform's CLDR data: one
 * branch per month, its name in the right case, day and year where the language puts them.
 */
function dateTemplate(language: LanguageCode): string {
  const format = new Intl.DateTimeFormat(languageOf(language).locale, {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  const months = Array.from({ length: 12 }, (_, i) => {
    const parts = format.formatToParts(new Date(Date.UTC(2099, i, 21))).map((part) => {
      if (part.type === 'day') return '<xsl:value-of select="$d"/>';
      if (part.type === 'year') return '<xsl:value-of select="$y"/>';
      return `<xsl:text>${escapeHtml(part.value)}</xsl:text>`;
    });
    return `<xsl:when test="$m = ${i + 1}">${parts.join('')}</xsl:when>`;
  });
  return `<xsl:template name="date">
<xsl:param name="d"/><xsl:param name="m"/><xsl:param name="y"/>
<xsl:choose>
${months.join('\n')}
</xsl:choose>
</xsl:template>`;
}

/**
 * The XSLT stylesheet that makes an RSS or Atom feed opened in a browser read as a page in
 * the feed's language: its title, a hint to subscribe with the page's address, and each
 * entry's title, date (as the language writes dates) and plain-text summary linking to its
 * page. It prints text only
 * (`xsl:value-of`, which escapes, and never `disable-output-escaping`), and never the
 * entries' HTML content, so nothing an article contains can run; the page takes its look
 * from the site's stylesheet.
 *
 * @example
 * app.get('/feeds/uk/feed.xsl', (c) => c.body(feedStylesheet('uk'), 200, { 'content-type': 'text/xsl' }));
 */
export function feedStylesheet(language: LanguageCode): string {
  const t = translatorFor(language);
  const text = (key: string) => escapeHtml(t(key));
  return `<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
<xsl:output method="html" encoding="UTF-8" indent="yes"/>
<xsl:template match="/">
<xsl:variable name="title" select="/rss/channel/title | /atom:feed/atom:title"/>
<xsl:variable name="home" select="/rss/channel/link | /atom:feed/atom:link[@rel='alternate']/@href"/>
<html lang="${language}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title><xsl:value-of select="$title"/></title>
<link rel="stylesheet" href="/assets/site.css"/>
</head>
<body>
<main id="content">
<p class="notice feed-hint"><strong>${text('site:feed.browserTitle')}.</strong> ${text('site:feed.browserHint')}</p>
<h1><xsl:value-of select="$title"/></h1>
<p class="summary"><xsl:value-of select="/rss/channel/description | /atom:feed/atom:subtitle"/></p>
<p><a href="{$home}">${text('site:feed.browserSite')}</a></p>
<ol class="articles">
<xsl:for-each select="/rss/channel/item | /atom:feed/atom:entry">
<li>
<h2><a href="{link[1] | atom:link[@rel='alternate'][1]/@href}"><xsl:value-of select="title | atom:title"/></a></h2>
<p class="meta"><xsl:choose>
<xsl:when test="atom:published">
<time datetime="{atom:published}"><xsl:call-template name="date">
<xsl:with-param name="d" select="number(substring(atom:published, 9, 2))"/>
<xsl:with-param name="m" select="number(substring(atom:published, 6, 2))"/>
<xsl:with-param name="y" select="substring(atom:published, 1, 4)"/>
</xsl:call-template></time>
</xsl:when>
<xsl:when test="pubDate">
<xsl:variable name="rfc822" select="normalize-space(pubDate)"/>
<xsl:call-template name="date">
<xsl:with-param name="d" select="number(substring($rfc822, 6, 2))"/>
<xsl:with-param name="m" select="string-length(substring-before('JanFebMarAprMayJunJulAugSepOctNovDec', substring($rfc822, 9, 3))) div 3 + 1"/>
<xsl:with-param name="y" select="substring($rfc822, 13, 4)"/>
</xsl:call-template>
</xsl:when>
</xsl:choose></p>
<p><xsl:value-of select="description | atom:summary"/></p>
</li>
</xsl:for-each>
</ol>
</main>
</body>
</html>
</xsl:template>
${dateTemplate(language)}
</xsl:stylesheet>
`;
}

type XMLBuilder = ReturnType<typeof create>;

/**
 * Adds `<?xml-stylesheet type="text/xsl" href="…"?>` before the root element, so that a
 * browser shows the feed through the stylesheet instead of as raw XML; feed readers ignore it.
 *
 * @example
 * withStylesheet(create({ version: '1.0' }), '/feeds/uk/feed.xsl').ele('rss');
 */
export function withStylesheet(doc: XMLBuilder, href: string | undefined): XMLBuilder {
  if (href === undefined) return doc;
  return doc.ins('xml-stylesheet', `type="text/xsl" href="${escapeHtml(href)}"`);
}
