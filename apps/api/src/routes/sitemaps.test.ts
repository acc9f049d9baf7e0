import type { LanguageCode } from '@tidings/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SiteHarness, seedContent, siteHarness } from '../testing/site-harness.ts';

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['url', 'sitemap', 'xhtml:link'].includes(name),
});

type Url = { loc: string; 'xhtml:link'?: { '@hreflang': string; '@href': string }[] };

async function urlsOf(h: SiteHarness, path: string): Promise<Url[]> {
  const res = await h.get(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
  const body = await res.text();
  expect(XMLValidator.validate(body), path).toBe(true);
  return (xml.parse(body).urlset?.url ?? []) as Url[];
}

describe('sitemaps and robots.txt', () => {
  let h: SiteHarness;
  let jef: { id: string; slug: string; slugs: Partial<Record<LanguageCode, string>> };
  let english: { id: string; slug: string; slugs: Partial<Record<LanguageCode, string>> };
  let gone: { id: string; slug: string };
  const B = 'http://news.test';

  beforeAll(async () => {
    h = await siteHarness({ sitemapArticlesPerFile: 1 });
    const content = seedContent('jef-extended-partner.txt');
    const translated = { title: 'JEF', summary: '', body: '<p>JEF.</p>', categories: [] };
    jef = await h.publish('uk', content, {
      en: translated,
      es: { ...translated, title: 'La JEF' },
    });
    english = await h.publish('en', { ...seedContent('chas-pravdy-jef.txt'), title: 'Status' });
    gone = await h.publish('uk', { ...content, title: 'Відкликана' }, { en: translated });
    await h.store.retractArticle(gone.id);
  }, 120_000);
  afterAll(() => h.close());

  it('splits a sitemap too large for one file into an index whose files list every live version with its alternates', async () => {
    const res = await h.get('/sitemap.xml');
    const index = xml.parse(await res.text()).sitemapindex as { sitemap: { loc: string }[] };
    expect(index.sitemap.map((s) => s.loc)).toEqual([
      `${B}/sitemaps/pages-1.xml`,
      `${B}/sitemaps/pages-2.xml`,
    ]);
    const urls = [
      ...(await urlsOf(h, '/sitemaps/pages-1.xml')),
      ...(await urlsOf(h, '/sitemaps/pages-2.xml')),
    ];
    const locs = urls.map((u) => u.loc);
    for (const l of ['en', 'es', 'de', 'fr', 'it', 'uk']) expect(locs).toContain(`${B}/${l}/`);
    for (const l of ['en', 'es', 'uk'])
      expect(locs).toContain(`${B}/${l}/articles/${jef.slugs[l as 'en']}`);
    expect(locs).toContain(`${B}/en/articles/${english.slugs.en}`);
    expect(locs.filter((l) => l.includes(gone.slug))).toEqual([]);
    expect(locs).toHaveLength(6 + 3 + 1);
    const spanish = urls.find((u) => u.loc === `${B}/es/articles/${jef.slugs.es}`);
    expect(spanish?.['xhtml:link']?.map((l) => [l['@hreflang'], l['@href']])).toEqual([
      ['en', `${B}/en/articles/${jef.slugs.en}`],
      ['es', `${B}/es/articles/${jef.slugs.es}`],
      ['uk', `${B}/uk/articles/${jef.slug}`],
      ['x-default', `${B}/uk/articles/${jef.slug}`],
    ]);
    expect((await h.get('/sitemaps/pages-3.xml')).status).toBe(404);
  });

  it('lists the last two days of each language in its Google News sitemap, retracted articles left out', async () => {
    const res = await h.get('/sitemaps/news-en.xml');
    const body = await res.text();
    expect(XMLValidator.validate(body)).toBe(true);
    const urls = (xml.parse(body).urlset.url ?? []) as {
      loc: string;
      'news:news': {
        'news:publication': { 'news:name': string; 'news:language': string };
        'news:title': string;
        'news:publication_date': string;
      };
    }[];
    expect(urls.map((u) => u.loc)).toEqual([
      `${B}/en/articles/${english.slugs.en}`,
      `${B}/en/articles/${jef.slugs.en}`,
    ]);
    expect(urls[1]?.['news:news']).toMatchObject({
      'news:publication': { 'news:name': 'Tidings', 'news:language': 'en' },
      'news:title': 'JEF',
    });
    expect(Date.parse(urls[1]?.['news:news']['news:publication_date'] ?? '')).toBeGreaterThan(
      Date.now() - 48 * 3600_000,
    );
    expect(await urlsOf(h, '/sitemaps/news-de.xml')).toEqual([]);
  });

  it('names every sitemap in robots.txt and keeps crawlers out of the API', async () => {
    const res = await h.get('/robots.txt');
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const robots = await res.text();
    expect(robots).toContain(`Sitemap: ${B}/sitemap.xml\n`);
    for (const l of ['en', 'es', 'de', 'fr', 'it', 'uk'])
      expect(robots).toContain(`Sitemap: ${B}/sitemaps/news-${l}.xml\n`);
    expect(robots).toContain('Disallow: /v1/\n');
  });

  it('describes an article with OpenGraph, a Twitter card and JSON-LD naming every language version', async () => {
    const page = await (await h.get(`/es/articles/${jef.slugs.es}`)).text();
    expect(page).toContain(`<meta property="og:url" content="${B}/es/articles/${jef.slugs.es}">`);
    expect(page).toContain('<meta property="og:locale" content="es_ES">');
    expect(page).toContain('<meta property="og:locale:alternate" content="en_GB">');
    expect(page).toContain('<meta property="og:locale:alternate" content="uk_UA">');
    expect(page).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(page).toContain('<meta name="description" content="JEF.">');
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)?.[1] ?? '';
    const data = JSON.parse(json) as {
      '@type': string;
      inLanguage: string;
      translationOfWork: {
        '@id': string;
        inLanguage: string;
        workTranslation: { '@id': string }[];
      };
    };
    expect(data['@type']).toBe('NewsArticle');
    expect(data.inLanguage).toBe('es');
    expect(data.translationOfWork['@id']).toBe(`${B}/uk/articles/${jef.slug}`);
    expect(data.translationOfWork.workTranslation.map((w) => w['@id'])).toEqual([
      `${B}/en/articles/${jef.slugs.en}`,
      `${B}/es/articles/${jef.slugs.es}`,
    ]);
    const original = await (await h.get(`/uk/articles/${jef.slug}`)).text();
    const source = JSON.parse(
      /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(original)?.[1] ?? '',
    ) as { inLanguage: string; workTranslation: { inLanguage: string }[] };
    expect(source.inLanguage).toBe('uk');
    expect(source.workTranslation.map((w) => w.inLanguage)).toEqual(['en', 'es']);
  });

  it('keeps an article title from closing the JSON-LD script', async () => {
    const hostile = await h.publish('en', {
      ...seedContent('chas-pravdy-jef.txt'),
      title: '</script><script>alert(1)</script><!--',
    });
    const page = await (await h.get(`/en/articles/${hostile.slugs.en}`)).text();
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)?.[1] ?? '';
    expect(json).not.toMatch(/[<>]/);
    expect((JSON.parse(json) as { headline: string }).headline).toBe(
      '</script><script>alert(1)</script><!--',
    );
    expect(page.match(/<script/g)).toHaveLength(1);
  });
});
