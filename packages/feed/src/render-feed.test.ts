import { resolveSiteSettings } from '@tidings/core';
import { parseFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { createFeedDocument } from './create-feed-document.ts';
import { renderFeed } from './render-feed.ts';
import {
  asNodes,
  assertValidAtom,
  assertValidJsonFeed,
  assertValidRss,
  BASE,
  ENTRIES,
  FORMATS,
  type Node,
  plain,
  seedDocument,
  text,
  xml,
} from './testing/seed-feed.ts';
import { w3cFeedRules } from './testing/w3c-feed-rules.ts';

describe('renderFeed', () => {
  for (const format of FORMATS) {
    it(`renders the seed articles as ${format} exactly as before`, async () => {
      await expect(renderFeed(seedDocument(ENTRIES), format)).toMatchFileSnapshot(
        `__snapshots__/seed-en.${format}.snap`,
      );
    });
  }

  it('writes Atom that keeps RFC 4287, with xml:lang and one hreflang link per language', () => {
    const body = renderFeed(seedDocument(ENTRIES), 'atom');
    assertValidAtom(body, 'en');
    const entry = asNodes((xml.parse(body).feed as Node).entry)[0] as Node;
    expect(asNodes(entry.link).map((l) => l['@hreflang'])).toEqual(['en', 'es', 'uk']);
    expect(asNodes((xml.parse(body).feed as Node).link).map((l) => l['@rel'])).toEqual([
      'self',
      'alternate',
      'next',
      'hub',
    ]);
  });

  it('writes RSS with every required element and per-item language alternates', () => {
    const body = renderFeed(seedDocument(ENTRIES), 'rss');
    assertValidRss(body, 'en');
    const item = asNodes(((xml.parse(body).rss as Node).channel as Node).item)[0] as Node;
    expect(asNodes(item['atom:link']).map((l) => l['@hreflang'])).toEqual(['es', 'uk']);
    expect(text(item['content:encoded'])).toContain(
      'Read in: <a href="https://news.example.org/es/articles/seed-2" hreflang="es"',
    );
  });

  it('writes JSON Feed 1.1 with language, next_url and alternates in an extension', () => {
    const body = renderFeed(seedDocument(ENTRIES), 'json');
    assertValidJsonFeed(body, 'en');
    const feed = JSON.parse(body) as {
      next_url: string;
      hubs: unknown;
      items: { _tidings: unknown }[];
    };
    expect(feed.next_url).toBe(`${BASE}/feeds/en/feed.json?before=c1`);
    expect(feed.hubs).toEqual([{ type: 'WebSub', url: 'https://hub.example.org/' }]);
    expect(feed.items[0]?._tidings).toEqual({
      provenance: {
        kind: 'machine',
        sourceLanguage: 'uk',
        model: 'Xenova/opus-mt-uk-en',
        original: `${BASE}/uk/articles/seed-2`,
      },
      alternates: [
        { language: 'es', url: `${BASE}/es/articles/seed-2` },
        { language: 'uk', url: `${BASE}/uk/articles/seed-2` },
      ],
    });
  });

  it('localizes every label: a Ukrainian feed reads in Ukrainian', () => {
    const uk = ENTRIES.map((e) => ({
      ...e,
      language: 'uk' as const,
      title: `Україна: ${e.title}`,
      alternates: [{ language: 'en' as const, url: e.link }],
    }));
    const doc = seedDocument(uk, 'uk');
    expect(doc.labels.title).toBe('Tidings — Українська');
    expect(doc.labels.description).toBe('Останні статті: українська');
    const body = renderFeed(doc, 'atom');
    assertValidAtom(body, 'uk');
    expect(body).toContain(
      'Читати: &lt;a href="https://news.example.org/en/articles/seed-2" hreflang="en" rel="noopener noreferrer"&gt;Англійська&lt;/a&gt;',
    );
  });

  it('tells readers and machines that an entry is a machine translation, with the model and the original', () => {
    const rss = renderFeed(seedDocument(ENTRIES), 'rss');
    const channel = (xml.parse(rss).rss as Node).channel as Node;
    expect((xml.parse(rss).rss as Node)['@xmlns:tidings']).toBe('urn:tidings:feed:1');
    const item = asNodes(channel.item)[0] as Node;
    expect(item['tidings:provenance']).toEqual({
      '@kind': 'machine',
      '@sourceLanguage': 'uk',
      '@model': 'Xenova/opus-mt-uk-en',
      '@original': `${BASE}/uk/articles/seed-2`,
    });
    expect(text(item['content:encoded'])).toMatch(
      /^<p><em>Translated by machine \(Xenova\/opus-mt-uk-en\); no editor has checked it yet\. Original language: Ukrainian\.<\/em> <a href="https:\/\/news\.example\.org\/uk\/articles\/seed-2" hreflang="uk"[^>]*>Read the original<\/a><\/p>/,
    );
    const atom = xml.parse(renderFeed(seedDocument(ENTRIES), 'atom')).feed as Node;
    expect(asNodes(atom.entry)[1]?.['tidings:provenance']).toMatchObject({ '@kind': 'machine' });
  });

  it("names the newsroom from the site settings in the feed's title, author and logo", () => {
    const site = resolveSiteSettings(
      { name: { en: 'Kyiv Ledger', uk: 'Київський вісник' }, logoUrl: `${BASE}/logo.png` },
      {},
    );
    const feed = (f: string) => `${BASE}/feeds/uk/${f}`;
    const doc = createFeedDocument({
      language: 'uk',
      id: feed('atom.xml'),
      entries: [],
      site,
      emptySince: new Date(Date.UTC(2025, 10, 5, 13, 8)),
      links: {
        home: `${BASE}/uk/`,
        rss: feed('rss.xml'),
        atom: feed('atom.xml'),
        json: feed('feed.json'),
      },
    });
    expect(doc.labels.title).toBe('Київський вісник — Українська');
    const atom = xml.parse(renderFeed(doc, 'atom')).feed as Node;
    expect(text((atom.author as Node).name)).toBe('Київський вісник');
    expect(text(atom.logo)).toBe(`${BASE}/logo.png`);
    const channel = (xml.parse(renderFeed(doc, 'rss')).rss as Node).channel as Node;
    expect(text((channel.image as Node).url)).toBe(`${BASE}/logo.png`);
    expect(text((channel.image as Node).title)).toBe(text(channel.title));
    expect(text(channel.lastBuildDate)).toBe('Wed, 05 Nov 2025 13:08:00 GMT');
    expect(w3cFeedRules(renderFeed(doc, 'rss'), feed('rss.xml'))).toEqual([
      expect.objectContaining({ rule: 'UnknownNamespace' }),
    ]);
    // RSS shows GIF, JPEG and PNG only: an SVG logo stays in Atom and JSON Feed alone.
    const svg = createFeedDocument({
      language: 'uk',
      id: feed('atom.xml'),
      entries: [],
      emptySince: doc.updated,
      links: doc.links,
      site: resolveSiteSettings({ name: 'Kyiv Ledger', logoUrl: `${BASE}/logo.svg?v=2` }, {}),
    });
    const svgRss = renderFeed(svg, 'rss');
    expect((xml.parse(svgRss).rss as Node).channel).not.toHaveProperty('image');
    expect(w3cFeedRules(svgRss, feed('rss.xml')).map((p) => p.rule)).toEqual(['UnknownNamespace']);
    expect(text((xml.parse(renderFeed(svg, 'atom')).feed as Node).logo)).toBe(
      `${BASE}/logo.svg?v=2`,
    );
  });

  for (const format of FORMATS) {
    it(`reads back through feedsmith as ${format} with the same titles, ids and dates`, () => {
      const parsed = parseFeed(renderFeed(seedDocument(ENTRIES), format));
      const formatName = { rss: 'rss', atom: 'atom', json: 'json' }[format];
      expect(parsed.format).toBe(formatName);
      const feed = parsed.feed as {
        title?: string;
        items?: { title?: string }[];
        entries?: { title?: string; id?: string }[];
      };
      expect(plain(feed.title)).toBe('Tidings — English');
      const items = feed.items ?? feed.entries ?? [];
      expect(items.map((i) => plain(i.title))).toEqual(ENTRIES.map((e) => e.title));
    });
  }
});
