import { describe, expect, it } from 'vitest';
import { w3cFeedRules } from './w3c-feed-rules.ts';

const AT = 'https://news.example.org/feeds/en/rss.xml';
const rules = (body: string, at = AT) => w3cFeedRules(body, at).map((p) => p.rule);

const goodRss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Kyiv Ledger</title><link>https://news.example.org/en/</link>
    <description>News</description><language>en</language>
    <lastBuildDate>Wed, 05 Nov 2025 13:08:00 GMT</lastBuildDate>
    <atom:link rel="self" type="application/rss+xml" href="${AT}"/>
    <item>
      <title>Ukraine joins the JEF</title><link>https://news.example.org/en/articles/jef</link>
      <guid isPermaLink="false">tag:news.example.org,2025-11-05:1/en</guid>
      <pubDate>Wed, 05 Nov 2025 13:08:00 GMT</pubDate>
      <description>Ukraine has joined.</description>
      <content:encoded>&lt;p&gt;&lt;a href="https://news.example.org/"&gt;Ukraine&lt;/a&gt; has joined.&lt;/p&gt;</content:encoded>
    </item>
  </channel>
</rss>`;

const goodAtom = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>tag:news.example.org,2025:en</id><title>Kyiv Ledger</title>
  <updated>2025-11-05T13:08:00Z</updated><author><name>Kyiv Ledger</name></author>
  <link rel="self" href="https://news.example.org/feeds/en/atom.xml"/>
  <link rel="hub" href="https://hub.example.org/"/>
  <entry xml:lang="en">
    <id>tag:news.example.org,2025-11-05:1/en</id><title type="text">Ukraine joins the JEF</title>
    <updated>2025-11-05T13:08:00Z</updated>
    <link rel="alternate" type="text/html" href="https://news.example.org/en/articles/jef"/>
    <link rel="alternate" type="text/html" hreflang="uk" href="https://news.example.org/uk/articles/jef"/>
    <content type="html">&lt;p&gt;Ukraine has joined.&lt;/p&gt;</content>
  </entry>
</feed>`;

describe('w3cFeedRules', () => {
  it('finds nothing wrong in an RSS and an Atom feed the W3C validator passes', () => {
    expect(w3cFeedRules(goodRss, AT)).toEqual([]);
    expect(w3cFeedRules(goodAtom, 'https://news.example.org/feeds/en/atom.xml')).toEqual([]);
  });

  it('names what the validator reports in RSS, by its own message names', () => {
    const bad = goodRss
      .replace(`href="${AT}"`, 'href="https://news.example.org/feeds/es/rss.xml"')
      .replace('<language>en</language>', '<language>English</language>')
      .replace(
        '<title>Ukraine joins the JEF</title>',
        '<title>Ukraine &lt;b&gt;joins&lt;/b&gt;</title>',
      )
      .replace('<guid isPermaLink="false">tag:', '<guid>tag:')
      .replace('13:08:00 GMT</pubDate>', '13:08 in the afternoon</pubDate>')
      .replace('&lt;a href="https://news.example.org/"', '&lt;a href="/en/" onclick="x()"')
      .replace('<description>Ukraine has joined.</description>', '')
      .replace(
        '</content:encoded>',
        '</content:encoded><description>&lt;script&gt;x()&lt;/script&gt;</description>',
      )
      .replace(
        '<language>English</language>',
        '<language>English</language><image><url>https://news.example.org/logo.svg</url><title>Logo</title><link>https://news.example.org/</link></image>',
      )
      .replace('xmlns:content=', 'xmlns:x="urn:example:x" xmlns:content=');
    expect(rules(bad).sort()).toEqual(
      [
        'ContainsHTML',
        'ContainsRelRef',
        'ImageLinkDoesntMatch',
        'ImageTitleDoesntMatch',
        'InvalidPermalink',
        'ImageUrlFormat',
        'InvalidLanguage',
        'InvalidRFC2822Date',
        'NeedDescriptionBeforeContent',
        'SecurityRisk',
        'SecurityRiskAttr',
        'SelfDoesntMatchLocation',
        'UnknownNamespace',
      ].sort(),
    );
    expect(rules(goodRss.replace(/<atom:link rel="self"[^>]*>/, ''))).toEqual([
      'MissingAtomSelfLink',
    ]);
    expect(rules(goodRss.replace(/<guid[^<]*<\/guid>/, ''))).toEqual(['MissingGuid']);
    expect(rules(goodRss.replace('<description>News</description>', ''))).toEqual([
      'MissingElement',
    ]);
    expect(
      rules(
        goodRss
          .replace('2025 13:08:00 GMT</pubDate>', '2099 13:08:00 GMT</pubDate>')
          .replace('Wed, 05 Nov 2099', 'Thu, 05 Nov 2099'),
      ),
    ).toEqual(['ImplausibleDate']);
    expect(
      rules(goodRss.replace('2025 13:08:00 GMT</pubDate>', '2099 13:08:00 GMT</pubDate>')),
    ).toEqual(['IncorrectDOW']);
    expect(rules(goodRss.replace('</channel>', ''))).toEqual(['NotWellFormed']);
  });

  it('names what the validator reports in Atom', () => {
    const at = 'https://news.example.org/feeds/en/atom.xml';
    const entry = /<entry[\s\S]*<\/entry>/.exec(goodAtom)?.[0] ?? '';
    const bad = goodAtom
      .replace('<author><name>Kyiv Ledger</name></author>', '')
      .replace('rel="hub"', 'rel="sidebar"')
      .replace('hreflang="uk" ', '')
      .replace(
        '<title type="text">Ukraine joins the JEF</title>',
        '<title type="text">AT&amp;amp;T</title><published>2025-11-05 13:08</published><subtitle>y</subtitle>',
      )
      .replace('</feed>', `${entry}</feed>`);
    expect([...new Set(rules(bad, at))].sort()).toEqual(
      [
        'ContainsUndeclaredHTML',
        'DuplicateAtomLink',
        'DuplicateEntries',
        'DuplicateUpdated',
        'InvalidRFC3339Date',
        'MissingElement',
        'UndefinedElement',
        'UnregisteredAtomLinkRel',
      ].sort(),
    );
    expect(rules(goodAtom.replace(/<link rel="self"[^>]*>/, ''), at)).toEqual(['MissingSelf']);
    expect(rules(goodAtom.replace(/<content[\s\S]*<\/content>/, ''), at)).toEqual([
      'MissingTextualContent',
    ]);
  });

  it('names what the validator reports in OPML', () => {
    const opml = (outline: string) =>
      `<?xml version="1.0"?><opml version="2.0"><head><title>Feeds</title></head><body>${outline}</body></opml>`;
    expect(
      rules(
        opml(
          '<outline text="English" language="en"><outline type="rss" text="RSS" title="RSS" xmlUrl="https://news.example.org/feeds/en/rss.xml" version="RSS2"/></outline>',
        ),
      ),
    ).toEqual(['MissingOutlineType']);
    expect(
      rules(
        opml(
          '<outline text="English"><outline type="rss" text="Atom" xmlUrl="https://news.example.org/feeds/en/atom.xml" version="ATOM1"/><outline type="rss" text="x" title="x"/></outline>',
        ),
      ),
    ).toEqual(['MissingTitleAttr', 'InvalidOutlineVersion', 'MissingXmlURL']);
    expect(rules(opml(''))).toEqual(['MissingElement']);
  });
});
