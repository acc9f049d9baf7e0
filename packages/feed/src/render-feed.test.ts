import { readFileSync } from 'node:fs';
import { type LanguageCode, resolveSiteSettings, sanitizeArticleHtml } from '@tidings/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { createFeedDocument } from './create-feed-document.ts';
import { renderFeed } from './render-feed.ts';
import { renderOpml } from './render-opml.ts';
import { w3cFeedRules } from './testing/w3c-feed-rules.ts';
import type { FeedDocument, FeedEntry, FeedFormat } from './types.ts';
import { escapeHtml } from './xml-text.ts';

const BASE = 'https://news.example.org';
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/;

/** A seed article as an entry: title from its first line, paragraphs from the rest. */
function seedEntry(file: string, n: number, language: LanguageCode, id: string): FeedEntry {
  const lines = readFileSync(
    new URL(`../../../test/fixtures/articles/${file}`, import.meta.url),
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

const ENTRIES: FeedEntry[] = [
  seedEntry('jef-extended-partner.txt', 2, 'en', '00000000-0000-4000-8000-000000000002'),
  seedEntry('chas-pravdy-jef.txt', 1, 'en', '00000000-0000-4000-8000-000000000001'),
];

function document(entries: readonly FeedEntry[], language: LanguageCode = 'en'): FeedDocument {
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

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (n) => ['entry', 'item', 'link', 'atom:link', 'category'].includes(n),
});

type Node = Record<string, unknown>;
const asNodes = (v: unknown): Node[] =>
  Array.isArray(v) ? (v as Node[]) : v === undefined ? [] : [v as Node];
const text = (v: unknown): string => {
  const one = Array.isArray(v) ? v[0] : v;
  return typeof one === 'object' && one !== null
    ? String((one as Node)['#text'] ?? '')
    : String(one ?? '');
};
/** feedsmith gives Atom text constructs as `{ type, value }` and RSS or JSON text as strings. */
const plain = (v: unknown): unknown =>
  typeof v === 'object' && v !== null && 'value' in v ? (v as { value: unknown }).value : v;

/** RFC 4287's rules that a reader depends on. */
function assertValidAtom(body: string, language: string): void {
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
function assertValidRss(body: string, language: string): void {
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
function assertValidJsonFeed(body: string, language: string): void {
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

const FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

describe('renderFeed', () => {
  for (const format of FORMATS) {
    it(`renders the seed articles as ${format} exactly as before`, async () => {
      await expect(renderFeed(document(ENTRIES), format)).toMatchFileSnapshot(
        `__snapshots__/seed-en.${format}.snap`,
      );
    });
  }

  it('writes Atom that keeps RFC 4287, with xml:lang and one hreflang link per language', () => {
    const body = renderFeed(document(ENTRIES), 'atom');
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
    const body = renderFeed(document(ENTRIES), 'rss');
    assertValidRss(body, 'en');
    const item = asNodes(((xml.parse(body).rss as Node).channel as Node).item)[0] as Node;
    expect(asNodes(item['atom:link']).map((l) => l['@hreflang'])).toEqual(['es', 'uk']);
    expect(text(item['content:encoded'])).toContain(
      'Read in: <a href="https://news.example.org/es/articles/seed-2" hreflang="es"',
    );
  });

  it('writes JSON Feed 1.1 with language, next_url and alternates in an extension', () => {
    const body = renderFeed(document(ENTRIES), 'json');
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
    const doc = document(uk, 'uk');
    expect(doc.labels.title).toBe('Tidings — Українська');
    expect(doc.labels.description).toBe('Останні статті: українська');
    const body = renderFeed(doc, 'atom');
    assertValidAtom(body, 'uk');
    expect(body).toContain(
      'Читати: &lt;a href="https://news.example.org/en/articles/seed-2" hreflang="en" rel="noopener noreferrer"&gt;Англійська&lt;/a&gt;',
    );
  });

  it('tells readers and machines that an entry is a machine translation, with the model and the original', () => {
    const rss = renderFeed(document(ENTRIES), 'rss');
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
    const atom = xml.parse(renderFeed(document(ENTRIES), 'atom')).feed as Node;
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
      const parsed = parseFeed(renderFeed(document(ENTRIES), format));
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

  describe('a hostile article', () => {
    const hostile: FeedEntry = {
      ...(ENTRIES[0] as FeedEntry),
      title: 'Breaking ]]> <script>alert(1)</script> \u0000\u0001\u0007\u001b\u001f end',
      summary: 'sum ]]> \u000b\u000c',
      contentHtml:
        '<p>a ]]> b</p><script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">x</a>\u0000\u0008\u001f<![CDATA[ ]]>',
      categories: ['Def]]>ence\u0002'],
    };
    const doc = document([hostile]);

    for (const format of FORMATS) {
      it(`stays valid ${format} with nothing live in it`, () => {
        const body = renderFeed(doc, format);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence.
        expect(body).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
        if (format === 'json') assertValidJsonFeed(body, 'en');
        else if (format === 'atom') assertValidAtom(body, 'en');
        else assertValidRss(body, 'en');
        const parsed = parseFeed(body).feed as {
          items?: { title?: string; content?: { encoded?: string }; content_html?: string }[];
          entries?: { title?: string; content?: string }[];
        };
        const item = (parsed.items ?? parsed.entries ?? [])[0] as Record<string, unknown>;
        expect(plain(item.title)).toBe('Breaking ]]> <script>alert(1)</script>  end');
        const html = String(
          format === 'rss'
            ? (item.content as { encoded?: string }).encoded
            : format === 'atom'
              ? plain(item.content)
              : item.content_html,
        );
        expect(html).toMatch(/<p>a \]\](>|&gt;) b<\/p>/);
        expect(html).not.toMatch(/<script|onerror|javascript:/i);
      });
    }
  });

  it("makes an article's relative links and images absolute against its page, where they pointed", () => {
    const [first] = ENTRIES;
    if (!first) throw new Error('no seed entry');
    const e: FeedEntry = {
      ...first,
      contentHtml:
        '<p><a href="/en/articles/earlier">Earlier</a>, <a href="#map">the map</a>, <a href="more">more</a>, <a href="javascript:alert(1)">x</a></p><figure><img src="../media/map.png" alt="Map" /></figure>',
    };
    for (const format of ['rss', 'atom'] as const) {
      const body = renderFeed(document([e]), format);
      expect(body).toContain(`href="${BASE}/en/articles/earlier"`);
      expect(body).toContain(`href="${BASE}/en/articles/seed-2#map"`);
      expect(body).toContain(`href="${BASE}/en/articles/more"`);
      expect(body).toContain(`src="${BASE}/en/media/map.png"`);
      expect(body).not.toContain('javascript');
      const at = `${BASE}/feeds/en/${format === 'rss' ? 'rss.xml' : 'atom.xml'}`;
      expect(w3cFeedRules(body, at).map((p) => p.rule)).toEqual(['UnknownNamespace']);
    }
  });

  // Intake used to drop an h1 and leave its text loose: "…in KanivEngineers inspected…".
  it("excerpts a body that opened with an h1 with a space after the heading's text", () => {
    const entry: FeedEntry = {
      ...(ENTRIES[0] as FeedEntry),
      summary: '',
      contentHtml: sanitizeArticleHtml(
        '<h1>Dam inspection in Kaniv</h1><p>Engineers inspected the dam.</p>',
      ),
    };
    const excerpt = 'Dam inspection in Kaniv Engineers inspected the dam.';
    const rss = new XMLParser().parse(renderFeed(document([entry]), 'rss'));
    expect(text(rss.rss.channel.item.description)).toBe(excerpt);
    const json = JSON.parse(renderFeed(document([entry]), 'json'));
    expect(json.items[0].summary).toBe(excerpt);
    expect(json.items[0].content_html).toContain('<h2>Dam inspection in Kaniv</h2>');
  });

  it('keeps entity-looking text as text, so escaped markup never comes alive', () => {
    const entry: FeedEntry = {
      ...(ENTRIES[0] as FeedEntry),
      title: 'Tom &amp; Jerry &lt;b&gt; &foo; &#34;',
      image: { url: 'https://news.example.org/a.jpg', alt: '"><script>alert(6)</script>' },
    };
    const once = new XMLParser({ ignoreAttributes: false });
    for (const format of ['rss', 'atom'] as const) {
      const body = renderFeed(document([entry]), format);
      expect(XMLValidator.validate(body), format).toBe(true);
      const parsed = once.parse(body);
      const item = format === 'rss' ? parsed.rss.channel.item : parsed.feed.entry;
      expect(text(item.title)).toBe('Tom &amp; Jerry &lt;b&gt; &foo; &#34;');
      const html = String(format === 'rss' ? item['content:encoded'] : item.content['#text']);
      expect(html).toContain('alt="&quot;&gt;&lt;script&gt;alert(6)&lt;/script&gt;"');
      expect(html).not.toContain('<script');
    }
  });

  it('lists every language in OPML 2.0 with localized titles, as the W3C validator accepts it', () => {
    const body = renderOpml({
      title: 'Tidings',
      updated: new Date(Date.UTC(2025, 10, 5)),
      feedUrl: (l, f) => `${BASE}/feeds/${l}/${f}`,
      homeUrl: (l) => `${BASE}/${l}/`,
    });
    expect(XMLValidator.validate(body)).toBe(true);
    const outlines = ((xml.parse(body).opml as Node).body as Node).outline as Node[];
    expect(outlines.map((o) => asNodes(o.outline)[0]?.['@language'])).toEqual([
      'en',
      'es',
      'de',
      'fr',
      'it',
      'uk',
    ]);
    expect(outlines[5]?.['@text']).toBe('Tidings — Українська');
    expect(
      asNodes(outlines[0]?.outline).map((o) => [o['@type'], o['@xmlUrl'], o['@version']]),
    ).toEqual([
      ['rss', `${BASE}/feeds/en/rss`, 'RSS2'],
      ['rss', `${BASE}/feeds/en/atom`, undefined],
      ['rss', `${BASE}/feeds/en/json`, undefined],
    ]);
    expect(w3cFeedRules(body, `${BASE}/feeds/opml.xml`)).toEqual([]);
  });
});
