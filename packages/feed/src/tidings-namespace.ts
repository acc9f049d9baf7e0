import type { FeedEntry } from './types.ts';

/**
 * The XML namespace of Tidings' feed extension (`xmlns:tidings`), documented in the feed
 * package's README. A URN rather than a URL: it names the vocabulary, it is not fetched, and
 * it must not change when a newsroom moves its site.
 */
export const TIDINGS_NAMESPACE = 'urn:tidings:feed:1';

/**
 * The attributes of an entry's `<tidings:provenance>` element (RSS and Atom), and the members
 * of `_tidings.provenance` in JSON Feed: how the version was made, from which language, with
 * which model (and `demo="true"` when it was a demo model: a demo translation), and where the
 * original is.
 *
 * @example
 * provenanceFields(entry); // { kind: 'machine', sourceLanguage: 'en', model: 'Xenova/opus-mt-en-uk', original: 'https://…/en/articles/…' }
 */
export function provenanceFields(entry: FeedEntry): Record<string, string> {
  const { provenance } = entry;
  return {
    kind: provenance.kind,
    sourceLanguage: provenance.sourceLanguage,
    ...(provenance.model ? { model: provenance.model } : {}),
    ...(provenance.demo ? { demo: 'true' } : {}),
    ...(entry.originalUrl && provenance.kind !== 'original' ? { original: entry.originalUrl } : {}),
  };
}
