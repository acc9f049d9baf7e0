import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderOpml } from './render-opml.ts';
import { asNodes, BASE, type Node, xml } from './testing/seed-feed.ts';
import { w3cFeedRules } from './testing/w3c-feed-rules.ts';

describe('renderOpml', () => {
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
