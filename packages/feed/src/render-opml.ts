import { LANGUAGES, type LanguageCode, type SiteSettings } from '@tidings/core';
import { translatorFor } from '@tidings/i18n';
import { create } from 'xmlbuilder2';
import { feedLabels } from './create-feed-document.ts';
import type { FeedFormat } from './types.ts';
import { xmlText } from './xml-text.ts';

/** What {@link renderOpml} lists: every language's feeds. */
export interface OpmlInput {
  /** The OPML document's title, in the language it is served in. */
  readonly title: string;
  /** The newest change across the feeds. */
  readonly updated: Date;
  /** The URL of a language's feed in a format. */
  readonly feedUrl: (language: LanguageCode, format: FeedFormat) => string;
  /** The site's front page in a language. */
  readonly homeUrl: (language: LanguageCode) => string;
  /** The languages listed (`LANGUAGES`, default all six), in menu order. */
  readonly languages?: readonly LanguageCode[] | undefined;
  /** The newsroom's name in each language's feed titles. */
  readonly site?: SiteSettings | undefined;
  /** Every category of every language, listed under its language with its RSS feed. */
  readonly categories?: readonly {
    readonly language: LanguageCode;
    readonly name: string;
    readonly rssUrl: string;
    readonly htmlUrl: string;
  }[];
}

// OPML 2.0 marks every subscription type="rss", whatever its format (readers import only
// those), and knows versions for RSS alone.
const FORMATS: readonly { format: FeedFormat; version?: string; name: string }[] = [
  { format: 'rss', version: 'RSS2', name: 'RSS' },
  { format: 'atom', name: 'Atom' },
  { format: 'json', name: 'JSON Feed' },
];

/**
 * OPML 2.0 listing every language's RSS, Atom and JSON feeds, one folder per language named
 * in that language, and in it a folder of the language's category feeds (RSS), so a reader can
 * subscribe to all of them at once. Every subscription is `type="rss"`, as OPML 2.0 has it.
 *
 * @example
 * renderOpml({ title, updated, feedUrl: (l, f) => `${base}/feeds/${l}/${f}`, homeUrl: (l) => `${base}/${l}/` });
 */
export function renderOpml(input: OpmlInput): string {
  const opml = create({ version: '1.0', encoding: 'UTF-8' }).ele('opml', { version: '2.0' });
  const head = opml.ele('head');
  head.ele('title').txt(xmlText(input.title));
  head.ele('dateModified').txt(input.updated.toUTCString());
  const body = opml.ele('body');
  const listed = LANGUAGES.filter((l) => input.languages?.includes(l.code) ?? true);
  for (const language of listed) {
    const labels = feedLabels(language.code, input.site);
    // A folder is text alone: any other attribute would want a type (the W3C validator's
    // MissingOutlineType); its feeds carry the language.
    const group = body.ele('outline', { text: xmlText(labels.title) });
    for (const { format, version, name } of FORMATS) {
      group.ele('outline', {
        type: 'rss',
        text: xmlText(`${labels.title} (${name})`),
        title: xmlText(`${labels.title} (${name})`),
        xmlUrl: xmlText(input.feedUrl(language.code, format)),
        htmlUrl: xmlText(input.homeUrl(language.code)),
        language: language.code,
        ...(version ? { version } : {}),
      });
    }
    const categories = (input.categories ?? []).filter((c) => c.language === language.code);
    if (categories.length > 0) {
      const label = translatorFor(language.code)('site:feed.opmlCategories');
      const folder = group.ele('outline', { text: xmlText(label) });
      for (const category of categories) {
        const title = feedLabels(language.code, input.site, category.name).title;
        folder.ele('outline', {
          type: 'rss',
          text: xmlText(title),
          title: xmlText(title),
          xmlUrl: xmlText(category.rssUrl),
          htmlUrl: xmlText(category.htmlUrl),
          language: language.code,
          version: 'RSS2',
        });
      }
    }
  }
  return opml.end({ prettyPrint: true });
}
