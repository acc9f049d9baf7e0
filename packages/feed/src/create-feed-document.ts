import {
  DEFAULT_SITE_SETTINGS,
  type LanguageCode,
  languageName,
  type SiteSettings,
} from '@tidings/core';
import { translatorFor } from '@tidings/i18n';
import type { FeedDocument, FeedEntry, FeedLabels, FeedLinks } from './types.ts';

/** What {@link createFeedDocument} needs besides the strings, which it finds itself. */
export interface FeedDocumentInput {
  readonly language: LanguageCode;
  /** Stable feed identity, e.g. the URL of the language's Atom feed without paging. */
  readonly id: string;
  readonly links: FeedLinks;
  /** Newest first. */
  readonly entries: readonly FeedEntry[];
  /** Limits the feed to one category, as named in `language`. */
  readonly category?: string | undefined;
  /** The newsroom's name, description and logo (absolute); Tidings' defaults without. */
  readonly site?: SiteSettings | undefined;
  /** Demonstration mode: every entry says its translation was made by test models. */
  readonly demo?: boolean | undefined;
  /**
   * When a feed with no entries last changed (its last article retracted, or the service
   * started with nothing published): an empty feed still needs an `updated`, and 1970 is the
   * W3C validator's ImplausibleDate.
   */
  readonly emptySince?: Date | undefined;
}

// Without `emptySince`, a fixed instant keeps an empty feed's ETag stable.
const EPOCH = new Date(0);

/**
 * The localized labels of a feed: title, description and "Read in: …", in the feed's own
 * language, with the newsroom's name and description from its site settings.
 *
 * @example
 * feedLabels('de', site).title; // 'Kyiv Ledger — Deutsch'
 */
export function feedLabels(
  language: LanguageCode,
  site: SiteSettings = DEFAULT_SITE_SETTINGS,
  category?: string,
): FeedLabels {
  const t = translatorFor(language);
  const name = languageName(language, language, { standalone: true });
  const inSentence = languageName(language, language);
  const siteName = site.name[language];
  return {
    siteName,
    logoUrl: site.logoUrl,
    title:
      category === undefined
        ? t('common:feed.title', { site: siteName, language: name })
        : t('common:feed.categoryTitle', { site: siteName, category, language: name }),
    description:
      category === undefined
        ? (site.description[language] ?? t('common:feed.description', { language: inSentence }))
        : t('site:feed.categoryDescription', { category, language: inSentence }),
    readIn: (languages) => t('common:feed.readIn', { languages }),
  };
}

/**
 * A feed page ready for {@link renderFeed}, with its labels in its language and its
 * `updated` taken from the newest entry change.
 *
 * @example
 * const doc = createFeedDocument({ language: 'uk', id, links, entries });
 * renderFeed(doc, 'atom');
 */
export function createFeedDocument(input: FeedDocumentInput): FeedDocument {
  const updated =
    input.entries.length === 0
      ? (input.emptySince ?? EPOCH)
      : new Date(Math.max(...input.entries.map((entry) => entry.updated.getTime())));
  return {
    language: input.language,
    id: input.id,
    labels: feedLabels(input.language, input.site, input.category),
    links: input.links,
    updated,
    entries: input.entries,
    category: input.category,
    demo: input.demo,
  };
}
