import { LANGUAGE_CODES, type LanguageCode } from '@tidings/core';
import { FEED_FORMATS, type FeedFormat } from '@tidings/feed';

/**
 * Every public URL the feeds and pages print, from one base, so that a feed, a page and a
 * WebSub ping always name a resource the same way.
 *
 * @example
 * const urls = new SiteUrls('https://news.example.org');
 * urls.feed('uk', 'atom'); // 'https://news.example.org/feeds/uk/atom.xml'
 */
export class SiteUrls {
  readonly base: string;
  /** The languages that have pages and feeds (`LANGUAGES`), in menu order. */
  readonly languages: readonly LanguageCode[];

  constructor(publicUrl: string, languages: readonly LanguageCode[] = LANGUAGE_CODES) {
    this.base = publicUrl.replace(/\/+$/, '');
    this.languages = languages;
  }

  /** The front page of a language. */
  home(language: LanguageCode): string {
    return `${this.base}/${language}/`;
  }

  /** An article's page in a language, under that language version's slug. */
  article(language: LanguageCode, slug: string): string {
    return `${this.base}/${language}/articles/${encodeURIComponent(slug)}`;
  }

  /**
   * A language version's permanent identity (feed `id`/`guid`), which no correction,
   * revision or slug ever changes: a `tag:` URI (RFC 4151) of the site's host, the day the
   * version first went live, the article's id and the language. A version live before these
   * ids (`legacy`) keeps the one feed readers already hold, the API URL of the version, so
   * that no reader sees it twice.
   *
   * @example
   * urls.entryId('0b9c…', 'uk', new Date('2025-11-05T13:08Z')); // 'tag:news.example.org,2025-11-05:0b9c…/uk'
   */
  entryId(articleId: string, language: LanguageCode, publishedAt: Date, legacy = false): string {
    if (legacy) return `${this.base}/v1/articles/${articleId}/${language}`;
    const host = new URL(this.base).hostname;
    return `tag:${host},${publishedAt.toISOString().slice(0, 10)}:${articleId}/${language}`;
  }

  /** A feed, optionally of one category, optionally from a keyset cursor on. */
  feed(
    language: LanguageCode,
    format: FeedFormat,
    options: { categorySlug?: string | undefined; before?: string | undefined } = {},
  ): string {
    const file = FEED_FORMATS.find((f) => f.format === format)?.file ?? 'rss.xml';
    const scope = options.categorySlug
      ? `categories/${encodeURIComponent(options.categorySlug)}/`
      : '';
    const query = options.before ? `?before=${encodeURIComponent(options.before)}` : '';
    return `${this.base}/feeds/${language}/${scope}${file}${query}`;
  }

  /** The OPML list of every language's feeds. */
  opml(): string {
    return `${this.base}/feeds/opml.xml`;
  }

  /** The sitemap (or sitemap index) search engines start from. */
  sitemap(): string {
    return `${this.base}/sitemap.xml`;
  }

  /** The `n`th file of a sitemap too large for one. */
  sitemapFile(n: number): string {
    return `${this.base}/sitemaps/pages-${n}.xml`;
  }

  /** A language's Google News sitemap. */
  newsSitemap(language: LanguageCode): string {
    return `${this.base}/sitemaps/news-${language}.xml`;
  }
}
