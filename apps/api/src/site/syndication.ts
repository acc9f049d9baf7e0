import {
  DEFAULT_SITE_SETTINGS,
  LANGUAGE_CODES,
  type LanguageCode,
  type Logger,
  type SiteSettings,
} from '@tidings/core';
import {
  createFeedDocument,
  FEED_FORMATS,
  type FeedFormat,
  type FeedLinks,
  renderFeed,
  renderOpml,
} from '@tidings/feed';
import { translatorFor } from '@tidings/i18n';
import { type ListingVersion, type Store, slugify } from '@tidings/store';
import { ProblemError } from '../problem.ts';
import { entityTag } from './conditional-response.ts';
import { FeedTexts } from './feed-texts.ts';
import { PageBodies } from './page-bodies.ts';
import { PageBodySanitizer } from './page-body-sanitizer.ts';
import { SiteUrls } from './site-urls.ts';
import { Sitemaps } from './sitemaps.ts';
import { toFeedEntry } from './to-feed-entry.ts';
import { VersionedCache } from './versioned-cache.ts';
import { WebSubNotifier, type WebSubPing } from './websub-notifier.ts';

/** A rendered feed, with what conditional GETs need. */
export interface RenderedFeed {
  readonly body: string;
  /** A strong validator: the hash of the body. */
  readonly etag: string;
  /** When it last changed; none for the OPML list of categories, which only its ETag dates. */
  readonly lastModified?: Date | undefined;
  readonly contentType: string;
}

/** What {@link Syndication} is built from. */
export interface SyndicationOptions {
  readonly store: Store;
  /** `PUBLIC_URL`: every link in feeds and pages starts with it. */
  readonly publicUrl: string;
  readonly logger: Logger;
  /** The newsroom's name, logo, description, colour and footer; Tidings' defaults without. */
  readonly site?: SiteSettings | undefined;
  /** `WEBSUB_HUB_URL`: when set, feeds name this hub and every change is announced to it. */
  readonly hubUrl?: string | undefined;
  /** Entries per feed page. */
  readonly pageSize?: number;
  /** Articles per sitemap file (default: as many as 50,000 URLs allow). */
  readonly sitemapArticlesPerFile?: number;
  /**
   * How long a language's listing version, once read, is trusted without asking the store
   * again (default 1000 ms). Changes made through this process's {@link Syndication.onChange}
   * are seen at once; another process's changes within this long. 0 asks on every request.
   */
  readonly versionTtlMs?: number;
  /** For tests that run their own hub. */
  readonly fetch?: typeof fetch;
  /** The languages served (`LANGUAGES`, default all six): only they have pages, feeds and sitemaps. */
  readonly languages?: readonly LanguageCode[] | undefined;
  /** The thread that sanitizes large bodies for pages and feeds; tests give one that fails. */
  readonly sanitizer?: PageBodySanitizer;
}

// The OPML list changes only with the code and the locales, that is, with a restart.
const STARTED = new Date();

const etagOf = entityTag;

/**
 * Feeds for every language and category, cached per language until its listing changes,
 * and the announcement of changes to a WebSub hub. One per API process; the feed routes
 * read from it and whatever changes articles calls {@link Syndication.onChange}.
 *
 * @example
 * const syndication = new Syndication({ store, publicUrl: config.publicUrl, logger, hubUrl: config.websubHubUrl });
 * const feed = await syndication.feed('uk', 'atom');
 * void syndication.onChange(articleId);
 */
export class Syndication {
  readonly store: Store;
  readonly urls: SiteUrls;
  readonly hubUrl: string | undefined;
  /** The site settings, with the logo's URL made absolute for feeds. */
  readonly site: SiteSettings;
  /** The sitemaps and robots.txt of the same site. */
  readonly sitemaps: Sitemaps;
  /** Article pages' sanitized bodies, kept per content between views. */
  readonly pageBodies: PageBodies;
  /** Feeds' large entry bodies, sanitized on the same thread as the pages' before a render. */
  readonly feedTexts: FeedTexts;
  /** The languages served (`LANGUAGES`), in menu order. */
  readonly languages: readonly LanguageCode[];
  readonly #logger: Logger;
  readonly #pageSize: number;
  readonly #notifier: WebSubNotifier | undefined;
  readonly #feeds = new VersionedCache<RenderedFeed>();
  readonly #versionTtlMs: number;
  readonly #versions = new Map<
    LanguageCode,
    { readonly at: number; readonly value: Promise<ListingVersion> }
  >();

  constructor(options: SyndicationOptions) {
    this.store = options.store;
    this.languages = options.languages ?? LANGUAGE_CODES;
    this.urls = new SiteUrls(options.publicUrl, this.languages);
    this.hubUrl = options.hubUrl;
    const site = options.site ?? DEFAULT_SITE_SETTINGS;
    this.site = {
      ...site,
      logoUrl: site.logoUrl === undefined ? undefined : new URL(site.logoUrl, this.urls.base).href,
    };
    this.sitemaps = new Sitemaps({
      store: this.store,
      urls: this.urls,
      site: this.site,
      articlesPerFile: options.sitemapArticlesPerFile,
      languages: this.languages,
    });
    const sanitizer = options.sanitizer ?? new PageBodySanitizer();
    this.pageBodies = new PageBodies({ sanitizer });
    this.feedTexts = new FeedTexts(sanitizer);
    this.#logger = options.logger;
    this.#pageSize = options.pageSize ?? 50;
    this.#versionTtlMs = options.versionTtlMs ?? 1000;
    this.#notifier = options.hubUrl
      ? new WebSubNotifier({ hubUrl: options.hubUrl, fetch: options.fetch })
      : undefined;
  }

  /** How many feed pages were rendered since start: a cached answer renders nothing. */
  get renders(): number {
    return this.#feeds.builds;
  }

  /**
   * One page of a feed. The first page is rendered once per listing version and reused; an
   * archive page (`before`, the previous page's cursor) is rendered on each request, at the
   * cost of one keyset query. An unknown category is a `not-found` problem.
   */
  async feed(
    language: LanguageCode,
    format: FeedFormat,
    options: { categorySlug?: string | undefined; before?: string | undefined } = {},
  ): Promise<RenderedFeed> {
    const version = await this.#version(language);
    let category: string | undefined;
    if (options.categorySlug !== undefined) {
      // Categories are kept once published: the feed of one whose articles were all
      // retracted is empty, not gone.
      const found = await this.store.findCategory(language, options.categorySlug);
      if (!found) {
        throw new ProblemError('not-found', {
          key: 'category-unknown',
          fields: { lang: language, category: options.categorySlug },
        });
      }
      category = found.name;
    }
    const render = () =>
      this.#render(language, format, {
        category,
        categorySlug: options.categorySlug,
        before: options.before,
        lastModified: version.changedAt,
      });
    if (options.before !== undefined) return render();
    return this.#feeds.get(
      language,
      `${format}:${options.categorySlug ?? ''}`,
      version.key,
      render,
    );
  }

  /** Every language's feeds and category feeds in one OPML 2.0 document, titled in `language`. */
  async opml(language: LanguageCode = 'en'): Promise<RenderedFeed> {
    const categories = (await this.store.listKnownCategories()).filter((c) =>
      this.languages.includes(c.language),
    );
    const body = renderOpml({
      languages: this.languages,
      title: translatorFor(language)('site:feed.opmlTitle', { site: this.site.name[language] }),
      site: this.site,
      updated: STARTED,
      feedUrl: (l, format) => this.urls.feed(l, format),
      homeUrl: (l) => this.urls.home(l),
      categories: categories.map((c) => ({
        language: c.language,
        name: c.name,
        rssUrl: this.urls.feed(c.language, 'rss', { categorySlug: c.slug }),
        htmlUrl: this.urls.home(c.language),
      })),
    });
    return {
      body,
      etag: etagOf(body),
      // The list grows with categories; its ETag tells when, a date cannot (no date at all,
      // rather than 'now' on every request, which said it had just changed).
      lastModified: categories.length > 0 ? undefined : STARTED,
      contentType: 'text/x-opml; charset=utf-8',
    };
  }

  /**
   * Call after anything that may change what feeds show for an article (a new article, a
   * revision, a translation published or corrected, a retraction). Drops this process's
   * cached feeds at once (other processes notice through the listing version) and, with a
   * hub, announces every feed the article appears in. Never throws; resolves with the pings.
   */
  async onChange(articleId: string): Promise<WebSubPing[]> {
    // An article's new language adds an alternate link to every other language's entry.
    this.#versions.clear();
    this.#feeds.invalidate();
    if (!this.#notifier) return [];
    try {
      const topics = await this.#topicsOf(articleId);
      const pings = await this.#notifier.publish(topics);
      const failed = pings.filter((p) => !p.ok);
      if (failed.length > 0) {
        this.#logger.warn({ articleId, hub: this.#notifier.hubUrl, failed }, 'websub ping failed');
      } else {
        this.#logger.debug({ articleId, topics: topics.length }, 'websub hub notified');
      }
      return pings;
    } catch (error) {
      this.#logger.warn({ err: error, articleId }, 'websub topics could not be read');
      return [];
    }
  }

  #version(language: LanguageCode): Promise<ListingVersion> {
    const now = performance.now();
    const known = this.#versions.get(language);
    if (known && now - known.at < this.#versionTtlMs) return known.value;
    const value = this.store.listingVersion(language);
    if (this.#versionTtlMs > 0) {
      this.#versions.set(language, { at: now, value });
      value.catch(() => this.#versions.delete(language));
    }
    return value;
  }

  async #topicsOf(articleId: string): Promise<string[]> {
    const article = await this.store.getArticle(articleId);
    const topics: string[] = [];
    for (const state of article.languages) {
      if (!state.publishedAt || !this.languages.includes(state.language)) continue;
      const translation = await this.store.getTranslation(articleId, state.language);
      const slugs = (translation.content?.categories ?? []).map((c) => slugify(c));
      for (const categorySlug of [undefined, ...slugs]) {
        for (const { format } of FEED_FORMATS) {
          topics.push(this.urls.feed(state.language, format, { categorySlug }));
        }
      }
    }
    return topics;
  }

  async #render(
    language: LanguageCode,
    format: FeedFormat,
    options: {
      category: string | undefined;
      categorySlug: string | undefined;
      before: string | undefined;
      lastModified: Date;
    },
  ): Promise<RenderedFeed> {
    const { categorySlug, before } = options;
    const page = await this.store.listPublished(language, {
      limit: this.#pageSize,
      before,
      category: options.category,
    });
    const at = (f: FeedFormat, cursor?: string) =>
      this.urls.feed(language, f, { categorySlug, before: cursor });
    const next = page.nextCursor;
    const links: FeedLinks = {
      home: this.urls.home(language),
      rss: at('rss', before),
      atom: at('atom', before),
      json: at('json', before),
      ...(next
        ? { next: { rss: at('rss', next), atom: at('atom', next), json: at('json', next) } }
        : {}),
      hub: this.hubUrl,
      // Root-relative: a browser applies a stylesheet of the feed's own origin only.
      stylesheet: `/feeds/${language}/feed.xsl`,
    };
    const doc = createFeedDocument({
      language,
      id: at('atom'),
      links,
      entries: page.items.map((item) => toFeedEntry(item, this.urls)),
      category: options.category,
      site: this.site,
      // A language or category with nothing live: since its last change, or since Tidings
      // started when nothing was ever published in it.
      emptySince: options.lastModified.getTime() > 0 ? options.lastModified : STARTED,
    });
    // The large bodies are sanitized on the thread first: the render itself only assembles.
    await this.feedTexts.prepare(doc);
    const body = renderFeed(doc, format);
    const contentType =
      FEED_FORMATS.find((f) => f.format === format)?.contentType ?? 'application/xml';
    return { body, etag: etagOf(body), lastModified: options.lastModified, contentType };
  }
}
