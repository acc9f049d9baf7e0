import { type LanguageCode, languageOf } from '@tidings/core';
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
}

// A feed with no entries still needs an `updated`; a fixed instant keeps its ETag stable.
const EPOCH = new Date(0);

/**
 * The localized labels of a feed: title, description and "Read in: …", all from i18next in
 * the feed's own language.
 *
 * @example
 * feedLabels('de').title; // 'Tidings — Deutsch'
 */
export function feedLabels(language: LanguageCode, category?: string): FeedLabels {
  const t = translatorFor(language);
  const name = languageOf(language).nativeName;
  return {
    siteName: t('common:siteName'),
    title:
      category === undefined
        ? t('common:feed.title', { language: name })
        : t('common:feed.categoryTitle', { category, language: name }),
    description:
      category === undefined
        ? t('common:feed.description', { language: name })
        : t('site:feed.categoryDescription', { category, language: name }),
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
  const updated = new Date(
    Math.max(EPOCH.getTime(), ...input.entries.map((entry) => entry.updated.getTime())),
  );
  return {
    language: input.language,
    id: input.id,
    labels: feedLabels(input.language, input.category),
    links: input.links,
    updated,
    entries: input.entries,
    category: input.category,
  };
}
