import {
  languageName,
  type SanitizeOptions,
  sanitizeArticleHtml,
  type TextWork,
  textExcerpt,
} from '@tidings/core';
import { provenanceNotice } from '@tidings/i18n';
import type { FeedDocument, FeedEntry, FeedLabels } from './types.ts';
import { escapeHtml } from './xml-text.ts';

// A parsed URL has its quotes and spaces percent-encoded, so even a reader that decodes
// entities twice cannot see an attribute end inside it.
function httpUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The HTML a reader shows for an entry: the provenance notice (machine translation, reviewed,
 * edited…) with a link to the original, the lead image with its alt text, the body, and a
 * localized "Read in: …" line linking every other language version, each named in the
 * entry's language. Sanitized again here, so a feed never relies on every writer of the
 * store having sanitized; relative links and image sources made absolute against the entry's
 * page, where they pointed.
 *
 * @example
 * entryHtml(entry, labels); // '<p><em>Translated by machine (…)…</em> <a …>Read the original</a></p><figure>…</figure><p>…</p><p>Read in: <a …>Spanish</a></p>'
 */
export function entryHtml(
  entry: FeedEntry,
  labels: Pick<FeedLabels, 'readIn'>,
  options: { demo?: boolean | undefined } = {},
): string {
  return sanitizeArticleHtml(entryHtmlSource(entry, labels, options), entrySanitizing(entry));
}

/** What {@link entryHtml} sanitizes: the entry's HTML as composed, before sanitizing. */
export function entryHtmlSource(
  entry: FeedEntry,
  labels: Pick<FeedLabels, 'readIn'>,
  options: { demo?: boolean | undefined } = {},
): string {
  const parts: string[] = [];
  const notice = provenanceNotice(entry.provenance, entry.language, { demo: options.demo });
  if (notice) {
    const original =
      notice.originalLink && entry.originalUrl
        ? ` <a href="${escapeHtml(entry.originalUrl)}" hreflang="${entry.provenance.sourceLanguage}">${escapeHtml(notice.originalLink)}</a>`
        : '';
    const sentences = [notice.text, notice.demo].filter(Boolean).join(' ');
    parts.push(`<p><em>${escapeHtml(sentences)}</em>${original}</p>`);
  }
  const imageUrl = entry.image ? httpUrl(entry.image.url) : undefined;
  if (entry.image && imageUrl) {
    parts.push(
      `<figure><img src="${escapeHtml(imageUrl)}" alt="${escapeHtml(entry.image.alt)}" /></figure>`,
    );
  }
  parts.push(entry.contentHtml);
  if (entry.alternates.length > 0) {
    const links = entry.alternates
      .map((alternate) => {
        const name = languageName(alternate.language, entry.language, { standalone: true });
        return `<a href="${escapeHtml(alternate.url)}" hreflang="${alternate.language}">${escapeHtml(name)}</a>`;
      })
      .join(', ');
    // The label is split around a marker so the translator controls word order while the
    // links stay markup the label cannot inject into.
    const marker = '\u0001LINKS\u0001';
    const [before = '', after = ''] = labels.readIn(marker).split(marker);
    parts.push(`<p>${escapeHtml(before)}${links}${escapeHtml(after)}</p>`);
  }
  return parts.join('\n');
}

/** How {@link entryHtml} sanitizes an entry: for feeds, relative URLs against its page. */
export function entrySanitizing(entry: FeedEntry): SanitizeOptions {
  return { target: 'feed', baseUrl: entry.link };
}

/**
 * What a reader shows under an entry's title: its summary, or else the start of its body as
 * plain text, never the title again. Plain text: each format escapes it as it must.
 *
 * @example
 * entrySummary({ ...entry, summary: '' }); // 'Ukraine has been granted extended partner status…'
 */
export function entrySummary(entry: FeedEntry): string {
  return entry.summary || textExcerpt(entry.contentHtml, SUMMARY_EXCERPT_CHARS);
}

/** How long the excerpt is that stands in for a missing summary. */
export const SUMMARY_EXCERPT_CHARS = 300;

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

/**
 * The sanitizing and excerpting that rendering `doc` does, in any format (each format shows
 * the same entry HTML and summary): for each entry its HTML, and the excerpt of its body when
 * it has no summary. A caller that must not hold its thread for long does the large pieces
 * elsewhere first and keeps their results (see `textWorkPending` and `keepTextWork` in
 * @tidings/core); {@link renderFeed} then finds them done.
 *
 * @example
 * const work = feedTextWork(doc).filter(textWorkPending);
 * const results = await thread.run(work);
 * work.forEach((w, i) => keepTextWork(w, results[i]));
 * renderFeed(doc, 'atom'); // sanitizes no large body itself
 */
export function feedTextWork(doc: FeedDocument): TextWork[] {
  return doc.entries.flatMap((entry): TextWork[] => [
    {
      kind: 'sanitize',
      html: entryHtmlSource(entry, doc.labels, doc),
      options: entrySanitizing(entry),
    },
    ...(entry.summary
      ? []
      : [{ kind: 'excerpt', html: entry.contentHtml, maxLength: SUMMARY_EXCERPT_CHARS } as const]),
  ]);
}
