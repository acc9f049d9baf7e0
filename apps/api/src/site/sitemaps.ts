import { createHash } from 'node:crypto';
import { LANGUAGE_CODES, LANGUAGES, type LanguageCode, type SiteSettings } from '@tidings/core';
import {
  renderNewsSitemap,
  renderSitemap,
  renderSitemapIndex,
  SITEMAP_MAX_URLS,
  type SitemapUrl,
} from '@tidings/feed';
import type { SitemapArticle, Store } from '@tidings/store';
import type { Validated } from './conditional-response.ts';
import type { SiteUrls } from './site-urls.ts';

// An article is up to six URLs, and the first file also lists the six front pages.
const ARTICLES_PER_FILE = Math.floor((SITEMAP_MAX_URLS - LANGUAGES.length) / LANGUAGES.length);
// Google News reads the articles of the last two days, at most 1,000 per sitemap.
const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
const NEWS_MAX_ITEMS = 1000;

const XML = 'application/xml; charset=utf-8';

const validated = (body: string, lastModified: Date, contentType = XML): Validated => ({
  body,
  etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
  lastModified,
  contentType,
});

const newest = (dates: readonly Date[]): Date =>
  new Date(Math.max(0, ...dates.map((d) => d.getTime())));

/** What {@link Sitemaps} is built from. */
export interface SitemapsOptions {
  readonly store: Store;
  readonly urls: SiteUrls;
  readonly site: SiteSettings;
  /** Articles per sitemap file before `/sitemap.xml` becomes an index (tests make it small). */
  readonly articlesPerFile?: number | undefined;
  /** The languages served (`LANGUAGES`, default all six); no other is listed. */
  readonly languages?: readonly LanguageCode[] | undefined;
}

/**
 * What search engines read: `/sitemap.xml` (every live language version with its `hreflang`
 * alternates and `x-default`; a sitemap index of `/sitemaps/pages-N.xml` files once the site
 * outgrows 50,000 URLs), a Google News sitemap per language (`/sitemaps/news-{lang}.xml`, the
 * last 48 hours) and `robots.txt` naming them all.
 *
 * @example
 * const sitemaps = new Sitemaps({ store, urls, site });
 * const { body } = await sitemaps.root();
 */
export class Sitemaps {
  readonly #store: Store;
  readonly #urls: SiteUrls;
  readonly #site: SiteSettings;
  readonly #perFile: number;
  /** The languages served (`LANGUAGES`). */
  readonly languages: readonly LanguageCode[];

  constructor(options: SitemapsOptions) {
    this.languages = options.languages ?? LANGUAGE_CODES;
    this.#store = options.store;
    this.#urls = options.urls;
    this.#site = options.site;
    this.#perFile = Math.max(1, options.articlesPerFile ?? ARTICLES_PER_FILE);
  }

  /** `/sitemap.xml`: the whole site in one file, or the index of its files. */
  async root(): Promise<Validated> {
    const count = await this.#store.countLiveArticles();
    if (count <= this.#perFile) return this.#file(1);
    const files = Math.ceil(count / this.#perFile);
    const body = renderSitemapIndex(
      Array.from({ length: files }, (_, i) => ({ loc: this.#urls.sitemapFile(i + 1) })),
    );
    return validated(body, new Date());
  }

  /** `/sitemaps/pages-{n}.xml`; `undefined` past the last file. */
  async file(n: number): Promise<Validated | undefined> {
    if (!Number.isInteger(n) || n < 1) return undefined;
    const count = await this.#store.countLiveArticles();
    if (n > Math.max(1, Math.ceil(count / this.#perFile))) return undefined;
    return this.#file(n);
  }

  /** `/sitemaps/news-{lang}.xml`: the language's articles of the last 48 hours. */
  async news(language: LanguageCode, now = new Date()): Promise<Validated> {
    const since = new Date(now.getTime() - NEWS_WINDOW_MS);
    const articles = await this.#store.listPublishedSince(language, since, NEWS_MAX_ITEMS);
    const items = articles.flatMap((article) =>
      article.versions
        .filter((v) => v.language === language)
        .map((v) => ({
          loc: this.#urls.article(language, v.slug),
          publicationName: this.#site.name[language],
          language,
          publishedAt: v.publishedAt,
          title: v.title,
        })),
    );
    return validated(renderNewsSitemap(items), newest(items.map((i) => i.publishedAt)));
  }

  /** `/robots.txt`: everything readers see may be crawled; the API and tools may not. */
  robots(): Validated {
    const lines = [
      'User-agent: *',
      'Disallow: /v1/',
      'Disallow: /admin/',
      'Disallow: /desk/',
      'Allow: /',
      '',
      `Sitemap: ${this.#urls.sitemap()}`,
      ...this.languages.map((l) => `Sitemap: ${this.#urls.newsSitemap(l)}`),
      '',
    ];
    return validated(lines.join('\n'), new Date(0), 'text/plain; charset=utf-8');
  }

  async #file(n: number): Promise<Validated> {
    const articles = await this.#store.listLiveArticles({
      offset: (n - 1) * this.#perFile,
      limit: this.#perFile,
    });
    const urls = [...(n === 1 ? this.#homes() : []), ...articles.flatMap((a) => this.#pages(a))];
    return validated(renderSitemap(urls), newest(urls.map((u) => u.lastmod ?? new Date(0))));
  }

  #homes(): SitemapUrl[] {
    const alternates = [
      ...this.languages.map((l) => ({ hreflang: l, href: this.#urls.home(l) })),
      { hreflang: 'x-default', href: `${this.#urls.base}/` },
    ];
    return this.languages.map((l) => ({ loc: this.#urls.home(l), alternates }));
  }

  #pages(article: SitemapArticle): SitemapUrl[] {
    // A language no longer served keeps its stored versions, unlisted.
    const versions = article.versions.filter((v) => this.languages.includes(v.language));
    if (versions.length === 0) return [];
    const source = versions.find((v) => v.language === article.sourceLanguage) ?? versions[0];
    const alternates = [
      ...versions.map((v) => ({
        hreflang: v.language,
        href: this.#urls.article(v.language, v.slug),
      })),
      {
        hreflang: 'x-default',
        href: source ? this.#urls.article(source.language, source.slug) : this.#urls.base,
      },
    ];
    return versions.map((v) => ({
      loc: this.#urls.article(v.language, v.slug),
      lastmod: v.updatedAt,
      alternates,
    }));
  }
}
