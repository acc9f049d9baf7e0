import type { LanguageCode } from '@tidings/core';
import { w3cFeedRules } from '@tidings/feed/testing';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiteUrls } from '../site/site-urls.ts';
import { type SiteHarness, seedContent, siteHarness } from '../testing/site-harness.ts';

const B = 'http://news.test';
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (n) => ['item', 'entry', 'category', 'outline', 'link'].includes(n),
});
type Node = Record<string, unknown>;
const items = (rss: string) => ((xml.parse(rss).rss as Node).channel as Node).item as Node[];

describe("feeds and addresses as readers' software sees them", () => {
  let h: SiteHarness;
  let jef: { id: string; slug: string; slugs: Partial<Record<LanguageCode, string>> };
  let gone: { id: string; slug: string };
  const content = seedContent('jef-extended-partner.txt', ['Defence']);
  const ukrainian = {
    title: 'Україна приєдналася до JEF',
    summary: '',
    body: '<p>Україна отримала статус розширеного партнера.</p><p>Про це повідомив міністр.</p>',
    categories: ['Оборона'],
  };

  beforeAll(async () => {
    h = await siteHarness();
    jef = await h.publish('en', { ...content, summary: '' }, { uk: ukrainian });
    gone = await h.publish('en', { ...content, title: 'Soon gone', categories: ['Ephemera'] });
    await h.store.retractArticle(gone.id);
  }, 120_000);
  afterAll(() => h.close());

  it('describes an item without a summary by the start of its body, never by its title again', async () => {
    const [item] = items(await (await h.get('/feeds/uk/rss.xml')).text());
    expect(item?.description).toBe(
      'Україна отримала статус розширеного партнера. Про це повідомив міністр.',
    );
    const atom = await (await h.get('/feeds/uk/atom.xml')).text();
    expect(atom).toContain(
      '<summary type="text">Україна отримала статус розширеного партнера. Про це повідомив міністр.</summary>',
    );
  });

  it('identifies each item by a permanent public tag: URI, and keeps the old id for entries readers already hold', async () => {
    const [item] = items(await (await h.get('/feeds/uk/rss.xml')).text());
    const guid = item?.guid as Node;
    const day = new Date().toISOString().slice(0, 10);
    expect(guid['#text']).toBe(`tag:news.test,${day}:${jef.id}/uk`);
    expect(guid['@isPermaLink']).toBe('false');
    const urls = new SiteUrls(B);
    expect(urls.entryId(jef.id, 'uk', new Date('2025-11-05T13:08:00Z'), true)).toBe(
      `${B}/v1/articles/${jef.id}/uk`,
    );
  });

  it('gives the Ukrainian version its own slug, and sends the old address there for good', async () => {
    const article = await h.store.getArticle(jef.id);
    const slug = article.languages.find((l) => l.language === 'uk')?.slug;
    expect(slug).toBe('ukraina-pryiednalasia-do-jef');
    const page = await h.get(`/uk/articles/${slug}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(
      `<link rel="alternate" hreflang="en" href="${B}/en/articles/${jef.slug}">`,
    );
    const old = await h.get(`/uk/articles/${jef.slug}`);
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe(`${B}/uk/articles/${slug}`);
    const english = await h.get(`/en/articles/${slug}`);
    expect(english.status).toBe(301);
    expect(english.headers.get('location')).toBe(`${B}/en/articles/${jef.slug}`);
    // A language not yet translated is reached by the article's slug, and stays there.
    expect((await h.get(`/de/articles/${jef.slug}`)).status).toBe(200);
    const [item] = items(await (await h.get('/feeds/uk/rss.xml')).text());
    expect((item?.link as string[] | undefined)?.[0]).toBe(`${B}/uk/articles/${slug}`);
  });

  it("links an item and its page to its category's feed, under the category's slug in that language", async () => {
    const [item] = items(await (await h.get('/feeds/uk/rss.xml')).text());
    expect(item?.category).toEqual([
      { '#text': 'Оборона', '@domain': `${B}/feeds/uk/categories/oborona/rss.xml` },
    ]);
    const category = await h.get('/feeds/uk/categories/oborona/rss.xml');
    expect(category.status).toBe(200);
    expect(items(await category.text())).toHaveLength(1);
    const page = await (await h.get('/uk/articles/ukraina-pryiednalasia-do-jef')).text();
    expect(page).toContain(
      `<link rel="alternate" type="application/rss+xml" title="Стрічка рубрики «Оборона»" href="${B}/feeds/uk/categories/oborona/rss.xml">`,
    );
  });

  it("keeps a category's feed, valid and empty, after its last article is retracted", async () => {
    for (const file of ['rss.xml', 'atom.xml', 'feed.json']) {
      const res = await h.get(`/feeds/en/categories/ephemera/${file}`);
      expect(res.status, file).toBe(200);
      const body = await res.text();
      if (file === 'feed.json') expect(JSON.parse(body).items).toEqual([]);
      else expect(XMLValidator.validate(body)).toBe(true);
      expect(body).not.toContain('Soon gone');
    }
    // Empty feeds, emptied or never filled, are dated by a plausible moment, not 1970.
    for (const path of ['/feeds/en/categories/ephemera/rss.xml', '/feeds/de/atom.xml']) {
      const problems = w3cFeedRules(await (await h.get(path)).text(), `${B}${path}`);
      expect(
        problems.filter((p) => p.rule !== 'UnknownNamespace'),
        path,
      ).toEqual([]);
    }
    expect((await h.get('/feeds/en/categories/never-was/rss.xml')).status).toBe(404);
  });

  it('tells feed readers and machines that a version an editor approved was reviewed', async () => {
    const held = await h.publish('en', { ...content, title: 'Held draft', categories: [] });
    const { revision } = await h.store.getArticle(held.id);
    await h.store.recordTranslationResult({
      articleId: held.id,
      language: 'es',
      revision,
      content: { title: 'Borrador', summary: '', body: '<p>Borrador.</p>', categories: [] },
      model: 'Xenova/opus-mt-en-es',
      status: 'needs_review',
      reason: 'lost content',
    });
    expect(await (await h.get('/feeds/es/rss.xml')).text()).not.toContain('Borrador');
    await h.store.approveTranslation(held.id, 'es', h.editorKeyId);
    const rss = await (await h.get('/feeds/es/rss.xml')).text();
    expect(rss).toMatch(
      /<tidings:provenance kind="reviewed" sourceLanguage="en" model="Xenova\/opus-mt-en-es"/,
    );
    expect(rss).toContain('Traducción automática revisada por un editor.');
    const json = JSON.parse(await (await h.get('/feeds/es/feed.json')).text()) as {
      items: { title: string; _tidings: { provenance: { kind: string } } }[];
    };
    const item = json.items.find((i) => i.title === 'Borrador');
    expect(item?._tidings.provenance.kind).toBe('reviewed');
  });

  it('lists the category feeds in the OPML list, grouped under their language', async () => {
    const body = await (await h.get('/feeds/opml.xml')).text();
    expect(XMLValidator.validate(body)).toBe(true);
    const languages = ((xml.parse(body).opml as Node).body as Node).outline as Node[];
    const uk = languages.find((o) => o['@text'] === 'Tidings — Українська');
    const folder = (uk?.outline as Node[] | undefined)?.find((o) => o['@text'] === 'Рубрики');
    expect((folder?.outline as Node[] | undefined)?.map((o) => [o['@text'], o['@xmlUrl']])).toEqual(
      [['Tidings — Оборона (Українська)', `${B}/feeds/uk/categories/oborona/rss.xml`]],
    );
    const en = languages.find((o) => o['@text'] === 'Tidings — English');
    const enFolder = (en?.outline as Node[] | undefined)?.find((o) => o['@text'] === 'Categories');
    expect((enFolder?.outline as Node[] | undefined)?.map((o) => o['@xmlUrl'])).toEqual([
      `${B}/feeds/en/categories/defence/rss.xml`,
      `${B}/feeds/en/categories/ephemera/rss.xml`,
    ]);
  });
});
