import type { LanguageCode } from '@tidings/core';
import { translatorFor } from '@tidings/i18n';
import { escapeHtml } from './escape-html.ts';

/**
 * The XSLT stylesheet that makes an RSS or Atom feed opened in a browser read as a page in
 * the feed's language: its title, a hint to subscribe with the page's address, and each
 * entry's title, date and plain-text summary linking to its page. It prints text only
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
<p class="meta"><xsl:value-of select="pubDate | atom:published"/></p>
<p><xsl:value-of select="description | atom:summary"/></p>
</li>
</xsl:for-each>
</ol>
</main>
</body>
</html>
</xsl:template>
</xsl:stylesheet>
`;
}
