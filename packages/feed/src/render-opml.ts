import { LANGUAGES, type LanguageCode, type SiteSettings } from '@tidings/core';
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
  /** The newsroom's name in each language's feed titles. */
  readonly site?: SiteSettings | undefined;
}

const FORMATS: readonly { format: FeedFormat; type: string; name: string }[] = [
  { format: 'rss', type: 'rss', name: 'RSS' },
  { format: 'atom', type: 'atom', name: 'Atom' },
  { format: 'json', type: 'jsonfeed', name: 'JSON Feed' },
];

/**
 * OPML 2.0 listing every language's RSS, Atom and JSON feeds, one outline per language with
 * its title in that language, so a reader can subscribe to all of them at once.
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
  for (const language of LANGUAGES) {
    const labels = feedLabels(language.code, input.site);
    const group = body.ele('outline', {
      text: xmlText(labels.title),
      title: xmlText(labels.title),
      language: language.code,
    });
    for (const { format, type, name } of FORMATS) {
      group.ele('outline', {
        type,
        text: xmlText(`${labels.title} (${name})`),
        title: xmlText(`${labels.title} (${name})`),
        xmlUrl: xmlText(input.feedUrl(language.code, format)),
        htmlUrl: xmlText(input.homeUrl(language.code)),
        language: language.code,
        version: format === 'rss' ? 'RSS2' : format === 'atom' ? 'ATOM1' : 'JSONFEED1.1',
      });
    }
  }
  return opml.end({ prettyPrint: true });
}
