import { create } from 'xmlbuilder2';
import { xmlText } from './xml-text.ts';

const SITEMAP = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML = 'http://www.w3.org/1999/xhtml';

/** One page of the site, with its language versions. */
export interface SitemapUrl {
  /** Absolute URL of the page. */
  readonly loc: string;
  readonly lastmod?: Date | undefined;
  /**
   * Every language version of the page, this one included, and `x-default`, as
   * `hreflang`/`href` pairs; search engines want the full set on each of them.
   */
  readonly alternates: readonly { readonly hreflang: string; readonly href: string }[];
}

/** Most URLs a sitemap file may list (sitemaps.org). */
export const SITEMAP_MAX_URLS = 50_000;

/**
 * A sitemaps.org `urlset` with Google's `xhtml:link rel="alternate" hreflang` annotations, so
 * that search engines learn each page's versions in the other languages and the `x-default`.
 *
 * @example
 * renderSitemap([{ loc: 'https://news.example.org/uk/articles/jef', alternates: [{ hreflang: 'en', href: '…' }] }]);
 */
export function renderSitemap(urls: readonly SitemapUrl[]): string {
  const set = create({ version: '1.0', encoding: 'UTF-8' }).ele(SITEMAP, 'urlset', {
    'xmlns:xhtml': XHTML,
  });
  for (const url of urls) {
    const u = set.ele('url');
    u.ele('loc').txt(xmlText(url.loc));
    if (url.lastmod) u.ele('lastmod').txt(url.lastmod.toISOString());
    for (const alternate of url.alternates) {
      u.ele(XHTML, 'xhtml:link', {
        rel: 'alternate',
        hreflang: alternate.hreflang,
        href: xmlText(alternate.href),
      });
    }
  }
  return set.end({ prettyPrint: true });
}

/**
 * A sitemaps.org `sitemapindex`: the list of sitemap files of a site too large for one.
 *
 * @example
 * renderSitemapIndex([{ loc: 'https://news.example.org/sitemaps/1.xml' }]);
 */
export function renderSitemapIndex(
  sitemaps: readonly { readonly loc: string; readonly lastmod?: Date | undefined }[],
): string {
  const index = create({ version: '1.0', encoding: 'UTF-8' }).ele(SITEMAP, 'sitemapindex');
  for (const sitemap of sitemaps) {
    const s = index.ele('sitemap');
    s.ele('loc').txt(xmlText(sitemap.loc));
    if (sitemap.lastmod) s.ele('lastmod').txt(sitemap.lastmod.toISOString());
  }
  return index.end({ prettyPrint: true });
}
