import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { createFeedDocument } from './create-feed-document.ts';
import { entrySummary } from './feed-entry.ts';
import { renderFeed } from './render-feed.ts';
import type { FeedEntry } from './types.ts';

const PAYLOADS = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/xss-payloads.json', import.meta.url), 'utf8'),
) as string[];

// Elements and attributes the W3C feed validator accepts in HTML content without a
// SecurityRisk or SecurityRiskAttr warning, narrowed to what an article can carry: anything
// outside these lists is a warning there, or worse, live in a reader.
const SAFE_ELEMENTS = new Set(
  'a abbr b bdi blockquote br caption cite code col colgroup dd del details dfn div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins li ol p pre q s small span strong sub summary sup table tbody td tfoot th thead time tr u ul'.split(
    ' ',
  ),
);
const SAFE_ATTRIBUTES = new Set(
  'alt cite class colspan datetime dir height href hreflang lang open rel rowspan scope span src title translate width'.split(
    ' ',
  ),
);
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);

/** A relative URL, or an absolute one a reader can follow without running anything. */
function safeUrl(value: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers ignore them in schemes.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u0020]/g, ''));
  return !scheme || ['http', 'https', 'mailto'].includes(scheme[1]?.toLowerCase() ?? '');
}

/** What a feed reader would find live in a piece of HTML: every element and attribute it risks. */
function risks(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!SAFE_ELEMENTS.has(name)) found.push(`<${name}>`);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (!SAFE_ATTRIBUTES.has(attribute)) found.push(`<${name} ${attribute}>`);
          else if (URL_ATTRIBUTES.has(attribute) && !safeUrl(value))
            found.push(`<${name} ${attribute}="${value}">`);
        }
      },
      onprocessinginstruction(name) {
        found.push(`<${name}>`);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

/** The text a reader shows for HTML that should be text only: its elements must be none. */
function htmlText(html: string): { text: string; elements: number } {
  let text = '';
  let elements = 0;
  const parser = new Parser(
    {
      ontext(t) {
        text += t;
      },
      onopentag() {
        elements++;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { text, elements };
}

const BASE = 'https://news.example.org';

function entry(payload: string, withSummary: boolean): FeedEntry {
  return {
    id: `${BASE}/v1/articles/1/en`,
    language: 'en',
    title: `Title ${payload}`,
    summary: withSummary ? `Summary ${payload}` : '',
    contentHtml: `<p>Body ${payload}</p>`,
    image: { url: `${BASE}/a.jpg`, alt: `Alt ${payload}` },
    categories: [`Category ${payload}`],
    published: new Date(Date.UTC(2025, 10, 5)),
    updated: new Date(Date.UTC(2025, 10, 5)),
    link: `${BASE}/en/articles/one`,
    alternates: [{ language: 'es', url: `${BASE}/es/articles/one` }],
    provenance: {
      kind: 'machine',
      language: 'en',
      sourceLanguage: 'uk',
      model: `Model ${payload}`,
    },
    originalUrl: `${BASE}/uk/articles/one`,
  };
}

function render(e: FeedEntry, format: 'rss' | 'atom' | 'json'): string {
  const feed = (f: string) => `${BASE}/feeds/en/${f}`;
  return renderFeed(
    createFeedDocument({
      language: 'en',
      id: feed('atom.xml'),
      entries: [e],
      links: {
        home: `${BASE}/en/`,
        rss: feed('rss.xml'),
        atom: feed('atom.xml'),
        json: feed('feed.json'),
      },
    }),
    format,
  );
}

// One decoding of entities, as an XML parser does before a reader sees the text.
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const value = (v: unknown): string =>
  typeof v === 'object' && v !== null
    ? String((v as Record<string, unknown>)['#text'] ?? '')
    : String(v ?? '');

describe('feeds against hostile articles', () => {
  for (const withSummary of [false, true]) {
    it(`leave no markup live in an RSS reader, ${withSummary ? 'with' : 'without'} a summary, for any of ${PAYLOADS.length} XSS payloads`, () => {
      for (const payload of PAYLOADS) {
        const e = entry(payload, withSummary);
        const body = render(e, 'rss');
        expect(XMLValidator.validate(body), payload).toBe(true);
        const item = xml.parse(body).rss.channel.item as Record<string, unknown>;
        // RSS readers render description as HTML: it must be the plain text, escaped.
        const description = htmlText(value(item.description));
        expect(description.elements, `description of ${payload}`).toBe(0);
        // Without a summary, the start of the body as text: never the title again.
        expect(description.text).toBe(withSummary ? e.summary : entrySummary(e));
        expect(description.text).not.toBe(e.title);
        expect(risks(value(item['content:encoded'])), `content of ${payload}`).toEqual([]);
        expect(value(item.title)).toBe(e.title);
      }
    });
  }

  it('keep titles plain text and HTML content safe in Atom and JSON Feed for every payload', () => {
    for (const payload of PAYLOADS) {
      const e = entry(payload, true);
      const atom = render(e, 'atom');
      expect(XMLValidator.validate(atom), payload).toBe(true);
      const atomEntry = xml.parse(atom).feed.entry as Record<string, Record<string, string>>;
      expect(atomEntry.title?.['@type']).toBe('text');
      expect(value(atomEntry.title)).toBe(e.title);
      expect(atomEntry.summary?.['@type']).toBe('text');
      expect(risks(value(atomEntry.content)), `atom content of ${payload}`).toEqual([]);
      const json = JSON.parse(render(e, 'json')) as {
        items: { title: string; summary: string; content_html: string }[];
      };
      expect(json.items[0]?.title).toBe(e.title);
      expect(risks(json.items[0]?.content_html ?? ''), `json content of ${payload}`).toEqual([]);
    }
  });

  it('turn markup the W3C validator does not know (mark) into markup it accepts', () => {
    const e = { ...entry('x', true), contentHtml: '<p>A <mark>highlighted</mark> word</p>' };
    for (const format of ['rss', 'atom'] as const) {
      const body = render(e, format);
      const parsed = xml.parse(body);
      const html =
        format === 'rss'
          ? value(parsed.rss.channel.item['content:encoded'])
          : value(parsed.feed.entry.content);
      expect(risks(html)).toEqual([]);
      expect(htmlText(html).text).toContain('A highlighted word');
    }
  });
});
