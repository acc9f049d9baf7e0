import type { LanguageCode, VersionProvenance } from '@tidings/core';

/** Another language version of an entry, for `hreflang` links and the "Read in" line. */
export interface FeedAlternate {
  readonly language: LanguageCode;
  /** Absolute URL of the page in that language. */
  readonly url: string;
}

/** The lead image of an entry. */
export interface FeedImage {
  /** Absolute URL of the image. */
  readonly url: string;
  /** Text alternative, in the entry's language. */
  readonly alt: string;
}

/**
 * One article in one language, as every format renders it. The package never sees the
 * store: the API maps its listings to this shape.
 *
 * @example
 * const entry: FeedEntry = {
 *   id: 'https://news.example.org/v1/articles/0b9…/uk',
 *   language: 'uk', title: 'Україна приєдналася до JEF', summary: '', contentHtml: '<p>…</p>',
 *   categories: ['Оборона'], published: new Date(), updated: new Date(),
 *   link: 'https://news.example.org/uk/articles/jef', alternates: [],
 * };
 */
export interface FeedEntry {
  /**
   * Stable identity (Atom `id`, RSS `guid`, JSON Feed `id`): never derived from a revision,
   * so a correction updates the entry instead of duplicating it.
   */
  readonly id: string;
  readonly language: LanguageCode;
  /** Plain text. */
  readonly title: string;
  /** Plain text; may be empty. */
  readonly summary: string;
  /** The article body, sanitized HTML. */
  readonly contentHtml: string;
  readonly image?: FeedImage | undefined;
  /** Category names in the entry's language. */
  readonly categories: readonly string[];
  /**
   * Each category's own feeds, in the order of `categories` (the formats link items to
   * them: RSS `category/@domain`, Atom `link rel="related"`, JSON Feed `_tidings.categories`).
   */
  readonly categoryFeeds?: readonly {
    readonly rss: string;
    readonly atom: string;
    readonly json: string;
  }[];
  /** When this language version first went live. */
  readonly published: Date;
  /** When this language version last changed (a correction moves it, never the id). */
  readonly updated: Date;
  /** Absolute URL of the entry's page. */
  readonly link: string;
  /** Every other language the article is live in, in menu order. */
  readonly alternates: readonly FeedAlternate[];
  /** How this version was made (machine, reviewed, edited…), told to readers and machines. */
  readonly provenance: VersionProvenance;
  /** Absolute URL of the original's page, for a translation. */
  readonly originalUrl?: string | undefined;
}

/** The human-facing strings of one feed, already in its language. */
export interface FeedLabels {
  readonly title: string;
  readonly description: string;
  /** The newsroom's name, also the feed's author. */
  readonly siteName: string;
  /** The newsroom's logo, absolute, when it has one. */
  readonly logoUrl?: string | undefined;
  /** "Read in: …" with the language links already listed, as plain text around them. */
  readonly readIn: (languages: string) => string;
}

/** The absolute URLs a feed document points at. */
export interface FeedLinks {
  /** The site's page for this feed (the language's or the category's front page). */
  readonly home: string;
  /** This feed in each format, for `rel="self"` and cross-format links. */
  readonly rss: string;
  readonly atom: string;
  readonly json: string;
  /** The next (older) page of this feed in the format being rendered, if any (RFC 5005). */
  readonly next?: { readonly rss: string; readonly atom: string; readonly json: string };
  /** A WebSub hub that this feed's changes are announced to. */
  readonly hub?: string | undefined;
  /** The XSLT stylesheet a browser shows the RSS or Atom feed through (same origin). */
  readonly stylesheet?: string | undefined;
}

/**
 * One page of one feed (a language, or a category within it), ready for any format.
 * Made by {@link createFeedDocument}.
 */
export interface FeedDocument {
  readonly language: LanguageCode;
  /** Stable feed identity (Atom `feed/id`). */
  readonly id: string;
  readonly labels: FeedLabels;
  readonly links: FeedLinks;
  /** The newest change among the entries, or a fixed epoch when there are none. */
  readonly updated: Date;
  /** Newest first. */
  readonly entries: readonly FeedEntry[];
  /** The category this feed is limited to, as named in its language. */
  readonly category?: string | undefined;
  /** Demonstration mode: every entry says its translation was made by test models. */
  readonly demo?: boolean | undefined;
}

/** The three syndication formats. */
export type FeedFormat = 'rss' | 'atom' | 'json';
