/**
 * The feed package's own test fixture: two seed articles as entries, the document around
 * them, and the checks of each format's rules that a reader depends on. Not exported from
 * `@tidings/feed/testing`: other packages test what they render through their own routes.
 */
import { readFileSync } from 'node:fs';
import type { LanguageCode } from '@tidings/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import { createFeedDocument } from '../create-feed-document.ts';
import type { FeedDocument, FeedEntry, FeedFormat } from '../types.ts';
import { escapeHtml } from '../xml-text.ts';

/** The newsroom's address in the fixtures. */
export const BASE = 'https://news.example.org';
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/;

/** A seed article as an entry: title from its first line, paragraphs from the rest. */
function seedEntry(file: string, n: number, language: LanguageCode, id: string): FeedEntry {
  const lines = readFileSync(
    new URL(`../../../../test/fixtures/articles/${file}`, import.meta.url),
    'utf8',
  )
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^•\s*\S{2}$/.test(l));
  const [title = '', ...paragraphs] = lines;
  return {
    id: `${BASE}/v1/articles/${id}/${language}`,
    language,
    title,
    summary: paragraphs[0]?.slice(0, 120) ?? '',
    contentHtml: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
    image: { url: `${BASE}/media/${n}.jpg`, alt: 'Denys Shmyhal' },
    categories: ['Defence', 'Ukraine'],
    published: new Date(Date.UTC(2025, 10, 5, 13, n)),
    updated: new Date(Date.UTC(2025, 10, 5, 14, n)),
    link: `${BASE}/${language}/articles/seed-${n}`,
    alternates: (['es', 'uk'] as const).map((l) => ({
      language: l,
      url: `${BASE}/${l}/articles/seed-${n}`,
    })),
    provenance: { kind: 'machine', language, sourceLanguage: 'uk', model: 'Xenova/opus-mt-uk-en' },
    originalUrl: `${BASE}/uk/articles/seed-${n}`,
  };
}

/** Two seed articles in English, translated from Ukrainian. */
export const ENTRIES: FeedEntry[] = [
  seedEntry('jef-extended-partner.txt', 2, 'en', '00000000-0000-4000-8000-000000000002'),
  seedEntry('chas-pravdy-jef.txt', 1, 'en', '00000000-0000-4000-8000-000000000001'),
];

/**
 * A feed document of `entries` in `language`, with every link a feed can carry (next pages, a hub).
 *
 * @example
 * renderFeed(seedDocument(ENTRIES), 'atom');
 */
export function seedDocument(
  entries: readonly FeedEntry[],
  language: LanguageCode = 'en',
): FeedDocument {
  const feed = (f: string) => `${BASE}/feeds/${language}/${f}`;
  return createFeedDocument({
    language,
    id: feed('atom.xml'),
    entries,
    links: {
      home: `${BASE}/${language}/`,
      rss: feed('rss.xml'),
      atom: feed('atom.xml'),
      json: feed('feed.json'),
      next: {
        rss: feed('rss.xml?before=c1'),
        atom: feed('atom.xml?before=c1'),
        json: feed('feed.json?before=c1'),
      },
      hub: 'https://hub.example.org/',
    },
  });
}

/** Parses feed XML with attributes as `@name` and repeatable elements as arrays. */
export const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (n) => ['entry', 'item', 'link', 'atom:link', 'category'].includes(n),
});

/** A parsed XML element. */
export type Node = Record<string, unknown>;
/** An element that may occur once or many times, as a list. */
export const asNodes = (v: unknown): Node[] =>
  Array.isArray(v) ? (v as Node[]) : v === undefined ? [] : [v as Node];
/** The text of an element (the first, when repeated). */
export const text = (v: unknown): string => {
  const one = Array.isArray(v) ? v[0] : v;
  return typeof one === 'object' && one !== null
    ? String((one as Node)['#text'] ?? '')
    : String(one ?? '');
};
/** feedsmith gives Atom text constructs as `{ type, value }` and RSS or JSON text as strings. */
export const plain = (v: unknown): unknown =>
  typeof v === 'object' && v !== null && 'value' in v ? (v as { value: unknown }).value : v;

/** RFC 4287's rules that a reader depends on. */
export function assertValidAtom(body: string, language: string): void {
  expect(XMLValidator.validate(body)).toBe(true);
  const feed = xml.parse(body).feed as Node;
  expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  expect(feed['@xml:lang']).toBe(language);
  for (const field of ['id', 'title', 'updated']) expect(text(feed[field]), field).not.toBe('');
  expect(text(feed.updated)).toMatch(RFC3339);
  const feedAuthor = feed.author !== undefined;
  expect(asNodes(feed.link).some((l) => l['@rel'] === 'self')).toBe(true);
  for (const entry of asNodes(feed.entry)) {
    expect(entry['@xml:lang']).toBe(language);
    for (const field of ['id', 'title', 'updated']) expect(text(entry[field]), field).not.toBe('');
    expect(text(entry.updated)).toMatch(RFC3339);
    expect(feedAuthor || entry.author !== undefined).toBe(true);
    // Without a content element an entry needs an alternate link; with one it is fine too.
    expect(
      entry.content !== undefined || asNodes(entry.link).some((l) => l['@rel'] === 'alternate'),
    ).toBe(true);
    const alternates = asNodes(entry.link).filter((l) => l['@rel'] === 'alternate');
    const pairs = alternates.map((l) => `${l['@type']}|${l['@hreflang']}`);
    expect(new Set(pairs).size, 'one alternate per type and hreflang').toBe(pairs.length);
  }
}

/** RSS 2.0's required elements, guids and RFC 822 dates. */
export function assertValidRss(body: string, language: string): void {
  expect(XMLValidator.validate(body)).toBe(true);
  const channel = (xml.parse(body).rss as Node).channel as Node;
  for (const field of ['title', 'link', 'description'])
    expect(text(channel[field]), field).not.toBe('');
  expect(text(channel.language)).toBe(language);
  expect(text(channel.lastBuildDate)).toMatch(RFC822);
  for (const item of asNodes(channel.item)) {
    expect(text(item.title)).not.toBe('');
    expect(text(item.guid)).not.toBe('');
    expect(text(item.pubDate)).toMatch(RFC822);
  }
}

/** JSON Feed 1.1's required members and RFC 3339 dates. */
export function assertValidJsonFeed(body: string, language: string): void {
  const feed = JSON.parse(body) as Node;
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
  expect(typeof feed.title).toBe('string');
  expect(feed.language).toBe(language);
  for (const item of feed.items as Node[]) {
    expect(typeof item.id).toBe('string');
    expect(typeof item.content_html === 'string' || typeof item.content_text === 'string').toBe(
      true,
    );
    expect(item.date_published).toMatch(RFC3339);
    expect(item.date_modified).toMatch(RFC3339);
    expect(item.language).toBe(language);
    for (const key of Object.keys(item)) {
      const known = [
        'id',
        'url',
        'external_url',
        'title',
        'content_html',
        'content_text',
        'summary',
        'image',
        'banner_image',
        'date_published',
        'date_modified',
        'authors',
        'tags',
        'language',
        'attachments',
      ];
      expect(known.includes(key) || /^_[a-z0-9]/i.test(key), key).toBe(true);
    }
  }
}

/** The formats a feed is rendered in. */
export const FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];
