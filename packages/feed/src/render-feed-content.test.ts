import { sanitizeArticleHtml } from '@tidings/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { renderFeed } from './render-feed.ts';
import {
  assertValidAtom,
  assertValidJsonFeed,
  assertValidRss,
  BASE,
  ENTRIES,
  FORMATS,
  plain,
  seedDocument,
  text,
} from './testing/seed-feed.ts';
import { w3cFeedRules } from './testing/w3c-feed-rules.ts';
import type { FeedEntry } from './types.ts';

describe('renderFeed, with what an article body carries', () => {
  describe('a hostile article', () => {
    const hostile: FeedEntry = {
      ...(ENTRIES[0] as FeedEntry),
      title: 'Breaking ]]> <script>alert(1)</script> \u0000\u0001\u0007\u001b\u001f end',
      summary: 'sum ]]> \u000b\u000c',
      contentHtml:
        '<p>a ]]> b</p><script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">x</a>\u0000\u0008\u001f<![CDATA[ ]]>',
      categories: ['Def]]>ence\u0002'],
    };
    const doc = seedDocument([hostile]);

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
      const body = renderFeed(seedDocument([e]), format);
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
    const rss = new XMLParser().parse(renderFeed(seedDocument([entry]), 'rss'));
    expect(text(rss.rss.channel.item.description)).toBe(excerpt);
    const json = JSON.parse(renderFeed(seedDocument([entry]), 'json'));
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
      const body = renderFeed(seedDocument([entry]), format);
      expect(XMLValidator.validate(body), format).toBe(true);
      const parsed = once.parse(body);
      const item = format === 'rss' ? parsed.rss.channel.item : parsed.feed.entry;
      expect(text(item.title)).toBe('Tom &amp; Jerry &lt;b&gt; &foo; &#34;');
      const html = String(format === 'rss' ? item['content:encoded'] : item.content['#text']);
      expect(html).toContain('alt="&quot;&gt;&lt;script&gt;alert(6)&lt;/script&gt;"');
      expect(html).not.toContain('<script');
    }
  });
});
