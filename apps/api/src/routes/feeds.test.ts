import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ArticleContent, LanguageCode } from '@tidings/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SiteHarness, seedContent, siteHarness } from '../testing/site-harness.ts';

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['entry', 'link', 'item', 'outline'].includes(name),
});
type Node = Record<string, unknown>;
/** The text of a node, whether a parser gives it as a string, `{ value }` or `{ '#text' }`. */
const plain = (v: unknown): unknown => {
  if (typeof v !== 'object' || v === null) return v;
  if ('value' in v) return (v as { value: unknown }).value;
  if ('#text' in v) return (v as { '#text': unknown })['#text'];
  return v;
};

function spanish(content: ArticleContent, title: string): ArticleContent {
  return {
    title,
    summary: `Resumen: ${content.summary}`,
    body: `<p>${title}</p>`,
    categories: ['Defensa'],
    image: content.image && { url: content.image.url, alt: 'Denys Shmyhal (foto)' },
  };
}

function atomEntries(body: string): Node[] {
  return ((xml.parse(body).feed as Node).entry as Node[] | undefined) ?? [];
}

describe('feed routes', () => {
  let h: SiteHarness;
  let jef: { id: string; slug: string; slugs: Partial<Record<LanguageCode, string>> };
  let chas: { id: string; slug: string };
  const jefContent = seedContent('jef-extended-partner.txt', ['Defence']);
  const chasContent = seedContent('chas-pravdy-jef.txt', ['Diplomacy']);

  beforeAll(async () => {
    h = await siteHarness();
    chas = await h.publish('en', chasContent, {
      es: spanish(chasContent, 'Ucrania obtiene un nuevo estatus de socio estratégico'),
    });
    jef = await h.publish('en', jefContent, {
      es: spanish(jefContent, 'Ucrania se une a la alianza de defensa JEF del norte de Europa'),
      uk: { ...spanish(jefContent, 'Україна приєдналася до JEF'), categories: ['Оборона'] },
    });
  }, 120_000);
  afterAll(() => h.close());

  it('serves each format with its content type and the Spanish titles', async () => {
    const expected = [
      'Ucrania se une a la alianza de defensa JEF del norte de Europa',
      'Ucrania obtiene un nuevo estatus de socio estratégico',
    ];
    for (const [file, type, format] of [
      ['rss.xml', 'application/rss+xml; charset=utf-8', 'rss'],
      ['atom.xml', 'application/atom+xml; charset=utf-8', 'atom'],
      ['feed.json', 'application/feed+json; charset=utf-8', 'json'],
    ] as const) {
      const res = await h.get(`/feeds/es/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('etag')).toMatch(/^"[\w-]+"$/);
      expect(res.headers.get('last-modified')).toMatch(/GMT$/);
      const body = await res.text();
      if (format !== 'json') expect(XMLValidator.validate(body)).toBe(true);
      const parsed = parseFeed(body);
      expect(parsed.format).toBe(format);
      const feed = parsed.feed as {
        title?: unknown;
        items?: { title?: unknown }[];
        entries?: { title?: unknown }[];
      };
      expect(plain(feed.title)).toBe('Tidings — Español');
      expect((feed.items ?? feed.entries ?? []).map((i) => plain(i.title))).toEqual(expected);
    }
  });

  it('links each entry to every language it is live in, with xml:lang and a stable id', async () => {
    const body = await (await h.get('/feeds/es/atom.xml')).text();
    const feed = xml.parse(body).feed as Node;
    expect(feed['@xml:lang']).toBe('es');
    const first = atomEntries(body)[0] ?? {};
    expect(first['@xml:lang']).toBe('es');
    expect(first.id).toMatch(new RegExp(`^tag:news\\.test,\\d{4}-\\d\\d-\\d\\d:${jef.id}/es$`));
    const alternates = (first.link as Node[]).filter((l) => l['@rel'] === 'alternate');
    expect(alternates.map((l) => [l['@hreflang'], l['@href']])).toEqual([
      ['es', `http://news.test/es/articles/${jef.slugs.es}`],
      ['en', `http://news.test/en/articles/${jef.slugs.en}`],
      ['uk', `http://news.test/uk/articles/${jef.slugs.uk}`],
    ]);
    expect(String(plain(first.content))).toContain('Leer en:');
  });

  it('answers 404 problem+json for a language Tidings does not have', async () => {
    const res = await h.get('/feeds/ru/atom.xml');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { type: string }).type).toMatch(
      /^https?:\/\/[^/]+\/docs\/problems\/not-found$/,
    );
    expect((await h.get('/feeds/es/index.html')).status).toBe(404);
  });

  it('serves a category feed with only that category, named in its language', async () => {
    const res = await h.get('/feeds/uk/categories/oborona/atom.xml');
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(atomEntries(body).map((e) => plain(e.title))).toEqual(['Україна приєдналася до JEF']);
    expect(String(plain((xml.parse(body).feed as Node).title))).toContain('Оборона');
    expect((await h.get('/feeds/uk/categories/nothing-here/rss.xml')).status).toBe(404);
  });

  it('shows a person who opens a feed in a browser a page of it, and feed readers the feed', async () => {
    const browser = { 'sec-fetch-dest': 'document', accept: 'text/html,application/xml;q=0.9' };
    const res = await h.get('/feeds/uk/categories/oborona/rss.xml', browser);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('vary')).toMatch(/sec-fetch-dest/i);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).toContain('<html lang="uk">');
    expect(page).toContain('<strong>Це стрічка новин.</strong>');
    expect(page).toContain('<code>http://news.test/feeds/uk/categories/oborona/rss.xml</code>');
    expect(page).toContain('<h1>Tidings — Оборона (Українська)</h1>');
    expect(page).toContain(
      `<h2><a href="http://news.test/uk/articles/${jef.slugs.uk}">Україна приєдналася до JEF</a></h2>`,
    );
    expect(page).not.toContain('<script');
    // A feed reader, or a script or extension fetching it: the feed itself.
    for (const headers of [{}, { 'sec-fetch-dest': 'empty' }] as Record<string, string>[]) {
      const feed = await h.get('/feeds/uk/categories/oborona/rss.xml', headers);
      expect(feed.headers.get('content-type')).toMatch(/^application\/rss\+xml/);
    }
    expect((await h.get('/feeds/uk/categories/nothing-here/rss.xml', browser)).status).toBe(404);
  });

  it('answers a conditional GET with 304 by ETag and by date', async () => {
    const first = await h.get('/feeds/es/rss.xml');
    const etag = first.headers.get('etag') ?? '';
    const lastModified = first.headers.get('last-modified') ?? '';
    const byTag = await h.get('/feeds/es/rss.xml', { 'if-none-match': etag });
    expect(byTag.status).toBe(304);
    expect(await byTag.text()).toBe('');
    expect(byTag.headers.get('etag')).toBe(etag);
    expect((await h.get('/feeds/es/rss.xml', { 'if-modified-since': lastModified })).status).toBe(
      304,
    );
    expect((await h.get('/feeds/es/rss.xml', { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('renders a feed once and serves it from the cache until its language changes', async () => {
    await h.get('/feeds/de/atom.xml');
    const before = h.syndication.renders;
    await h.get('/feeds/de/atom.xml');
    await h.get('/feeds/de/atom.xml');
    expect(h.syndication.renders).toBe(before);
    // Written straight to the store, as another API process would: no onChange here.
    await h.store.recordTranslationResult({
      articleId: chas.id,
      language: 'de',
      revision: 1,
      content: { ...spanish(chasContent, 'Ukraine erhält neuen Partnerstatus'), categories: [] },
      model: 'test/dictionary',
      status: 'published',
    });
    const res = await h.get('/feeds/de/atom.xml');
    expect(h.syndication.renders).toBe(before + 1);
    expect(atomEntries(await res.text()).map((e) => plain(e.title))).toEqual([
      'Ukraine erhält neuen Partnerstatus',
    ]);
  });

  it('keeps the id when an editor corrects an entry, and moves updated', async () => {
    const old = atomEntries(await (await h.get('/feeds/es/atom.xml')).text())[1] as Node;
    await h.store.editTranslation(
      chas.id,
      'es',
      {
        ...spanish(chasContent, 'Ucrania logra un nuevo estatus de socio'),
        categories: ['Defensa'],
      },
      h.editorKeyId,
    );
    const entries = atomEntries(await (await h.get('/feeds/es/atom.xml')).text());
    const corrected = entries.find((e) => e.id === old.id) as Node;
    expect(plain(corrected.title)).toBe('Ucrania logra un nuevo estatus de socio');
    expect(String(corrected.updated) > String(old.updated)).toBe(true);
    expect(corrected.published).toBe(old.published);
  });

  it('drops a retracted article from every feed', async () => {
    const extra = await h.publish(
      'en',
      { ...jefContent, title: 'To be retracted' },
      {
        es: spanish(jefContent, 'Para retirar'),
      },
    );
    expect(await (await h.get('/feeds/es/feed.json')).text()).toContain('Para retirar');
    await h.store.retractArticle(extra.id);
    for (const file of ['feed.json', 'rss.xml', 'atom.xml']) {
      expect(await (await h.get(`/feeds/es/${file}`)).text()).not.toContain('Para retirar');
    }
    expect(await (await h.get('/feeds/en/rss.xml')).text()).not.toContain('To be retracted');
  });

  it('lists every language in one OPML file', async () => {
    const res = await h.get('/feeds/opml.xml');
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(XMLValidator.validate(body)).toBe(true);
    const outlines = ((xml.parse(body).opml as Node).body as Node).outline as Node[];
    const first = (o: Node) => (Array.isArray(o.outline) ? o.outline[0] : o.outline) as Node;
    expect(outlines.map((o) => first(o)['@language'])).toEqual([
      'en',
      'es',
      'de',
      'fr',
      'it',
      'uk',
    ]);
    expect(body).toContain('http://news.test/feeds/uk/feed.json');
  });

  // The list changes only when a category is first published; its ETag says when. A
  // Last-Modified of 'now' told every reader it had just changed, and no If-Modified-Since
  // could ever be answered 304.
  it('gives the OPML list no Last-Modified that moves with every request', async () => {
    const first = await h.get('/feeds/opml.xml');
    await first.text();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const again = await h.get('/feeds/opml.xml');
    await again.text();
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(again.headers.get('last-modified')).toBe(first.headers.get('last-modified'));
    const since = first.headers.get('last-modified');
    if (since)
      expect((await h.get('/feeds/opml.xml', { 'if-modified-since': since })).status).toBe(304);
  });
});

describe('feed paging', () => {
  let h: SiteHarness;

  beforeAll(async () => {
    h = await siteHarness({ pageSize: 2 });
    for (let i = 1; i <= 5; i++) {
      await h.publish('it', { ...seedContent('chas-pravdy-jef.txt'), title: `Articolo ${i}` });
    }
  }, 120_000);
  afterAll(() => h.close());

  it('walks the archive through RFC 5005 next links and JSON Feed next_url', async () => {
    const titles: string[] = [];
    let url: string | undefined = '/feeds/it/atom.xml';
    while (url) {
      const body = await (await h.get(url)).text();
      const feed = xml.parse(body).feed as Node;
      titles.push(...atomEntries(body).map((e) => String(plain(e.title))));
      const self = (feed.link as Node[]).find((l) => l['@rel'] === 'self');
      expect(String(self?.['@href'])).toContain(url.replace(/^\/feeds/, ''));
      const next = (feed.link as Node[]).find((l) => l['@rel'] === 'next');
      url = next ? String(next['@href']).replace('http://news.test', '') : undefined;
    }
    expect(titles).toEqual(['Articolo 5', 'Articolo 4', 'Articolo 3', 'Articolo 2', 'Articolo 1']);
    const json = (await (await h.get('/feeds/it/feed.json')).json()) as { next_url: string };
    const next = (await (await h.get(json.next_url.replace('http://news.test', ''))).json()) as {
      items: { title: string }[];
    };
    expect(next.items.map((i) => i.title)).toEqual(['Articolo 3', 'Articolo 2']);
    expect((await h.get('/feeds/it/atom.xml?before=garbage')).status).toBe(400);
  });
});

describe('WebSub', () => {
  let h: SiteHarness;
  const received: { topic: string | null; mode: string | null; type: string | undefined }[] = [];
  const hub = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const form = new URLSearchParams(body);
      received.push({
        topic: form.get('hub.url'),
        mode: form.get('hub.mode'),
        type: req.headers['content-type'],
      });
      res.writeHead(204).end();
    });
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
    const { port } = hub.address() as AddressInfo;
    h = await siteHarness({ hubUrl: `http://127.0.0.1:${port}/` });
  }, 120_000);
  afterAll(async () => {
    await h.close();
    await new Promise((resolve) => hub.close(resolve));
  });

  it('names the hub in every format and pings it for each feed an article is in', async () => {
    const content = seedContent('jef-extended-partner.txt', ['Defence']);
    const { id } = await h.publish('en', content, {
      fr: { ...spanish(content, 'L’Ukraine rejoint la JEF'), categories: ['Défense'] },
    });
    expect(await (await h.get('/feeds/fr/atom.xml')).text()).toContain(
      `<link rel="hub" href="${h.syndication.hubUrl}"/>`,
    );
    expect(await (await h.get('/feeds/fr/rss.xml')).text()).toContain(
      `<atom:link rel="hub" href="${h.syndication.hubUrl}"/>`,
    );
    expect(((await (await h.get('/feeds/fr/feed.json')).json()) as { hubs: unknown }).hubs).toEqual(
      [{ type: 'WebSub', url: h.syndication.hubUrl }],
    );
    const pings = await h.syndication.onChange(id);
    expect(pings.every((p) => p.ok && p.status === 204)).toBe(true);
    expect(
      received.every((r) => r.mode === 'publish' && r.type === 'application/x-www-form-urlencoded'),
    ).toBe(true);
    expect(received.map((r) => r.topic).sort()).toEqual(
      [
        'http://news.test/feeds/en/rss.xml',
        'http://news.test/feeds/en/atom.xml',
        'http://news.test/feeds/en/feed.json',
        'http://news.test/feeds/en/categories/defence/rss.xml',
        'http://news.test/feeds/en/categories/defence/atom.xml',
        'http://news.test/feeds/en/categories/defence/feed.json',
        'http://news.test/feeds/fr/rss.xml',
        'http://news.test/feeds/fr/atom.xml',
        'http://news.test/feeds/fr/feed.json',
        'http://news.test/feeds/fr/categories/defense/rss.xml',
        'http://news.test/feeds/fr/categories/defense/atom.xml',
        'http://news.test/feeds/fr/categories/defense/feed.json',
      ].sort(),
    );
  });

  it('reports a hub that does not answer without throwing', { timeout: 120_000 }, async () => {
    const down = await siteHarness({ hubUrl: 'http://127.0.0.1:9/' });
    try {
      const { id } = await down.publish('en', seedContent('chas-pravdy-jef.txt'));
      const pings = await down.syndication.onChange(id);
      expect(pings.length).toBe(3);
      expect(pings.every((p) => !p.ok && p.error)).toBe(true);
    } finally {
      await down.close();
    }
  });
});
