import { resolveSiteSettings } from '@tidings/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SiteHarness, seedContent, siteHarness } from '../testing/site-harness.ts';

describe("the newsroom's site settings", () => {
  let h: SiteHarness;
  let slug: string;

  beforeAll(async () => {
    h = await siteHarness({
      site: resolveSiteSettings(
        {
          name: { en: 'Kyiv Ledger', uk: 'Київський вісник' },
          logoUrl: '/media/logo.svg',
          description: { en: 'News from Kyiv, in six languages.' },
          accentColor: '#ffd700',
          footer: { en: '© Kyiv Ledger, Khreshchatyk 1', uk: '© Київський вісник, Хрещатик, 1' },
        },
        {},
      ),
    });
    ({ slug } = await h.publish('uk', seedContent('jef-extended-partner.txt')));
  }, 120_000);
  afterAll(() => h.close());

  it("shows the newsroom's name, logo and footer in the reader's language", async () => {
    const uk = await (await h.get('/uk/')).text();
    expect(uk).toContain('<title>Останні статті — Київський вісник</title>');
    expect(uk).toContain(
      '<a class="brand" href="http://news.test/uk/"><img src="http://news.test/media/logo.svg" alt="">Київський вісник</a>',
    );
    expect(uk).toContain('<p class="imprint">© Київський вісник, Хрещатик, 1</p>');
    const en = await (await h.get(`/en/articles/${slug}`)).text();
    expect(en).toContain('— Kyiv Ledger</title>');
    expect(en).toContain('<p class="imprint">© Kyiv Ledger, Khreshchatyk 1</p>');
  });

  it('describes each front page with the configured description, or a default in its language', async () => {
    const en = await (await h.get('/en/')).text();
    expect(en).toContain('<meta name="description" content="News from Kyiv, in six languages.">');
    const de = await (await h.get('/de/')).text();
    expect(de).toContain('<meta name="description" content="Neueste Artikel auf Deutsch">');
  });

  it('colours the site with the accent, darkened where it would not be legible as link text', async () => {
    const css = await (await h.get('/assets/site.css')).text();
    expect(css).toContain('--brand: #ffd700;');
    const link = /--accent: (#[0-9a-f]{6});/.exec(css)?.[1];
    expect(link).toBeDefined();
    expect(link).not.toBe('#ffd700');
  });

  it("serves a favicon in the newsroom's colour with its initial", async () => {
    const res = await h.get('/favicon.svg');
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    const svg = await res.text();
    expect(svg).toContain('fill="#ffd700"');
    expect(svg).toContain('>K</text>');
    const ico = await h.get('/favicon.ico');
    expect(ico.status).toBe(301);
    expect(ico.headers.get('location')).toBe('/favicon.svg');
    expect(await (await h.get('/uk/')).text()).toContain(
      '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
    );
  });

  it("names the newsroom in feeds and the OPML list, with its logo as the feed's image", async () => {
    const atom = await (await h.get('/feeds/uk/atom.xml')).text();
    expect(atom).toContain('<title>Київський вісник — Українська</title>');
    expect(atom).toContain('<logo>http://news.test/media/logo.svg</logo>');
    const rss = await (await h.get('/feeds/en/rss.xml')).text();
    expect(rss).toContain('<description>News from Kyiv, in six languages.</description>');
    const opml = await (await h.get('/feeds/opml.xml')).text();
    expect(opml).toContain('<title>Kyiv Ledger feeds in every language</title>');
    expect(opml).toContain('text="Київський вісник — Українська"');
  });
});
