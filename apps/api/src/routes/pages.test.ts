import type { ArticleContent, LanguageCode } from '@tidings/core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SiteHarness, seedContent, siteHarness } from '../testing/site-harness.ts';

/**
 * Markup that would run: a script element (other than JSON-LD, which is data), an event
 * handler attribute, a javascript: URL.
 */
const LIVE =
  /<script(?! type="application\/ld\+json">[^<]*<\/script>)|\son\w+\s*=\s*["']|(?:href|src)\s*=\s*["']\s*javascript:/i;
const HOSTILE_TEXT = 'Alarm ]]> <script>alert(1)</script> \u0001\u0007\u001b\u001f end';

describe('site pages', () => {
  let h: SiteHarness;
  let jef: { id: string; slug: string; slugs: Partial<Record<LanguageCode, string>> };
  const content = seedContent('jef-extended-partner.txt', ['Defence']);

  beforeAll(async () => {
    h = await siteHarness();
    jef = await h.publish(
      'uk',
      { ...content, title: 'Україна приєдналася до JEF', categories: ['Оборона'] },
      {
        en: {
          title: content.title,
          summary: content.summary,
          body: content.body,
          categories: ['Defence'],
          image: { url: 'https://images.example.org/shmyhal.jpg', alt: 'Denys Shmyhal' },
        },
        es: {
          title: 'Ucrania se une a la JEF',
          summary: 'Resumen',
          body: '<p>Ucrania se une.</p>',
          categories: ['Defensa'],
          image: { url: 'https://images.example.org/shmyhal.jpg', alt: 'Denys Shmyhal' },
        },
      },
    );
  }, 120_000);
  afterAll(() => h.close());

  it('lists the latest articles of a language with a switcher, hreflang and feed links', async () => {
    const res = await h.get('/es/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('<h1>Últimos artículos</h1>');
    expect(page).toContain(
      `<a href="http://news.test/es/articles/${jef.slugs.es}">Ucrania se une a la JEF</a>`,
    );
    const menu = [
      ...page.matchAll(/<li><a href="[^"]+" hreflang="(\w\w)"[^>]*>([^<]+)<\/a><\/li>/g),
    ].map((m) => m[2]);
    expect(menu.join(' ')).toBe('En Es De Fr It Ук');
    for (const lang of ['en', 'es', 'de', 'fr', 'it', 'uk']) {
      expect(page).toContain(
        `<link rel="alternate" hreflang="${lang}" href="http://news.test/${lang}/">`,
      );
    }
    expect(page).toContain('<link rel="alternate" hreflang="x-default" href="http://news.test/">');
    expect(page).toContain(
      '<link rel="alternate" type="application/rss+xml" title="Canal RSS en español" href="http://news.test/feeds/es/rss.xml">',
    );
    expect(page).toContain('type="application/atom+xml"');
    expect(page).toContain('type="application/feed+json"');
  });

  it('serves an article with alternates to every live version and x-default to the source', async () => {
    const res = await h.get(`/es/articles/${jef.slugs.es}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<h1>Ucrania se une a la JEF</h1>');
    expect(page).toContain('<p>Ucrania se une.</p>');
    expect(page).toContain('alt="Denys Shmyhal"');
    for (const lang of ['en', 'es', 'uk']) {
      expect(page).toContain(
        `<link rel="alternate" hreflang="${lang}" href="http://news.test/${lang}/articles/${jef.slugs[lang as 'en']}">`,
      );
    }
    expect(page).not.toContain('hreflang="de" href="http://news.test/de/articles');
    expect(page).toContain(
      `<link rel="alternate" hreflang="x-default" href="http://news.test/uk/articles/${jef.slug}">`,
    );
    expect(page).toContain('También disponible en 2 idiomas más:');
    expect(page).toContain(
      `<a href="http://news.test/de/articles/${jef.slug}" hreflang="de" lang="de" title="Deutsch">De</a>`,
    );
  });

  it('shows the source text with a localized notice where a language is not yet published', async () => {
    const res = await h.get(`/de/articles/${jef.slug}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<html lang="de">');
    expect(page).toContain('<article lang="uk">');
    expect(page).toContain('<h1>Україна приєдналася до JEF</h1>');
    expect(page).toContain(
      '<p>Die Übersetzung ist noch nicht fertig; bis dahin steht hier das Original. Originalsprache: Ukrainisch.</p>',
    );
    expect(page).toContain('data-provenance="pending"');
    expect(page).toContain('Auch in 3 weiteren Sprachen verfügbar:');
    expect(page).toContain(`hreflang="es">Spanisch</a>`);
  });

  it('shows the original with a "not available" notice, not "not yet", where a translation failed or is held for review', async () => {
    const article = await h.store.getArticle(jef.id);
    await h.store.recordTranslationFailure({
      articleId: jef.id,
      language: 'fr',
      revision: article.revision,
      reason: 'model missing',
    });
    const page = await (await h.get(`/fr/articles/${jef.slug}`)).text();
    expect(page).toContain('<article lang="uk">');
    expect(page).toContain('data-provenance="unavailable"');
    expect(page).toContain(
      'Cet article n’est pas disponible dans cette langue\u202f; l’original est affiché à la place. Langue originale\u00a0: ukrainien.',
    );
    expect(page).not.toContain('pas encore');
    // Held for review: the draft is not shown, the original is, with the same notice.
    await h.store.recordTranslationResult({
      articleId: jef.id,
      language: 'it',
      revision: article.revision,
      content: { title: 'Bozza', summary: '', body: '<p>Bozza.</p>', categories: [] },
      model: 'test/dictionary',
      status: 'needs_review',
      reason: 'lost content',
    });
    const held = await (await h.get(`/it/articles/${jef.slug}`)).text();
    expect(held).toContain('<article lang="uk">');
    expect(held).toContain('data-provenance="unavailable"');
    expect(held).toContain(
      'Questo articolo non è disponibile in questa lingua; è mostrato l’originale. Lingua originale: ucraino.',
    );
    expect(held).not.toContain('Bozza');
  });

  it('tells a reader the version is a machine translation, names the model and links to the original', async () => {
    const page = await (await h.get(`/es/articles/${jef.slugs.es}`)).text();
    expect(page).toMatch(
      new RegExp(
        `<div class="notice notice-machine" role="note" lang="es" data-provenance="machine">\\s*<p>Traducción automática \\(test/dictionary\\); ningún editor la ha revisado todavía\\. Idioma original: ucraniano\\. <a class="original" href="http://news.test/uk/articles/${jef.slug}" hreflang="uk">Leer el original</a></p>`,
      ),
    );
    const original = await (await h.get(`/uk/articles/${jef.slug}`)).text();
    expect(original).not.toContain('class="notice');
  });

  it("tells a reader an editor's correction is one, and a stale one that the original changed since", async () => {
    const english = { title: 'Defence talks', summary: '', body: '<p>Talks.</p>', categories: [] };
    const own = await h.publish(
      'uk',
      { ...content, title: 'Оборонні переговори' },
      { en: english },
    );
    await h.store.editTranslation(
      own.id,
      'en',
      { ...english, title: 'Defence talks in Oslo' },
      h.editorKeyId,
    );
    const edited = await (await h.get(`/en/articles/${own.slugs.en}`)).text();
    expect(edited).toContain('data-provenance="edited"');
    expect(edited).toContain('Translation edited by an editor. Original language: Ukrainian.');
    await h.store.reviseArticle(
      own.id,
      { ...content, title: 'Оборонні переговори в Осло' },
      h.publisherKeyId,
    );
    const stale = await (await h.get(`/en/articles/${own.slugs.en}`)).text();
    expect(stale).toContain('data-provenance="stale"');
    expect(stale).toContain('it may not show the latest changes.');
    expect(stale).toContain(
      `<a class="original" href="http://news.test/uk/articles/${own.slug}" hreflang="uk">Read the original</a>`,
    );
  });

  it('sanitizes a long body once, off the event loop, however often its page is read, and again once it is corrected', async () => {
    const paragraph = '<p>The <b>JEF</b> met in <a href="https://example.org/riga">Riga</a>.</p>';
    const english = {
      title: 'Ministers in Riga',
      summary: '',
      body: `${paragraph.repeat(2_000)}<p>Live? <script>alert(1)</script><img src="x" onerror="alert(2)"></p>`,
      categories: [],
    };
    const own = await h.publish('uk', { ...content, title: 'Міністри в Ризі' }, { en: english });
    const path = `/en/articles/${own.slugs.en}`;
    const before = h.syndication.pageBodies.renders;
    const offThread = h.syndication.pageBodies.rendersOffThread;
    const pages = [];
    for (let view = 0; view < 5; view++) pages.push(await (await h.get(path)).text());
    expect(h.syndication.pageBodies.renders, 'five views, one sanitizing').toBe(before + 1);
    expect(h.syndication.pageBodies.rendersOffThread, 'on its own thread').toBe(offThread + 1);
    expect(new Set(pages).size).toBe(1);
    expect(pages[0]).not.toMatch(LIVE);
    expect(pages[0]).toContain('<p>Live? <img src="x" /></p>');
    expect(pages[0]).toContain('<meta name="description" content="The JEF met in Riga. The JEF');
    await h.store.editTranslation(
      own.id,
      'en',
      { ...english, body: '<p>The JEF met in Tallinn.</p>' },
      h.editorKeyId,
    );
    const corrected = await (await h.get(path)).text();
    expect(h.syndication.pageBodies.renders).toBe(before + 2);
    expect(h.syndication.pageBodies.rendersOffThread, 'a short body: on the event loop').toBe(
      offThread + 1,
    );
    expect(corrected).toContain('<p>The JEF met in Tallinn.</p>');
    expect(corrected).not.toContain('met in Riga');
  });

  it('lists every live version in one sitemap.xml while the site is small', async () => {
    const body = await (await h.get('/sitemap.xml')).text();
    expect(XMLValidator.validate(body)).toBe(true);
    const locs = [...body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    for (const l of ['en', 'es', 'uk'])
      expect(locs).toContain(`http://news.test/${l}/articles/${jef.slugs[l as 'en']}`);
    expect(locs).not.toContain(`http://news.test/de/articles/${jef.slug}`);
  });

  it('uses Ukrainian plural forms', async () => {
    const page = await (await h.get(`/uk/articles/${jef.slug}`)).text();
    expect(page).toContain('Також доступна ще 2 мовами:');
  });

  it('keeps the query when it adds the slash to a language home (/uk?before=… → /uk/?before=…)', async () => {
    const res = await h.get('/uk?before=abc&x=1');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('http://news.test/uk/?before=abc&x=1');
    expect((await h.get('/uk')).headers.get('location')).toBe('http://news.test/uk/');
  });

  it('answers an unknown slug with a localized 404 page', async () => {
    const res = await h.get('/fr/articles/nothing-at-all');
    expect(res.status).toBe(404);
    const page = await res.text();
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('<h1>Page introuvable</h1>');
  });

  // A reader who mistypes a language or follows a broken archive link gets the site's page,
  // not the API's problem+json.
  it('answers a language the site does not serve with the localized 404 page', async () => {
    for (const path of ['/pt/', '/pt', '/xx/articles/anything', '/UK/', '/pt-BR/']) {
      const res = await h.get(path, { 'accept-language': 'uk, en;q=0.5' });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toContain('text/html');
      expect(res.headers.get('content-language'), path).toBe('uk');
      expect(res.headers.get('content-security-policy'), path).toContain("default-src 'none'");
      const page = await res.text();
      expect(page, path).toContain('<html lang="uk">');
      expect(page, path).toContain('Сторінку не знайдено');
    }
    const english = await h.get('/pt/');
    expect(await english.text()).toContain('Page not found');
  });

  it('answers an archive address with a cursor no page gave with the localized 404 page', async () => {
    const res = await h.get('/fr/?before=garbage');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('Page introuvable');
  });

  it('answers a retracted article with a localized 410 page', async () => {
    const gone = await h.publish('it', { ...content, title: 'Da ritirare' });
    await h.store.retractArticle(gone.id);
    const res = await h.get(`/it/articles/${gone.slug}`);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('<h1>Articolo ritirato</h1>');
    expect(await (await h.get('/it/')).text()).not.toContain('Da ritirare');
  });

  it('sends strict security headers: a CSP without inline scripts or styles', async () => {
    const res = await h.get('/en/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(await res.text()).not.toMatch(
      /<script(?! type="application\/ld\+json">[^<]*<\/script>)|style="/,
    );
    const css = await h.get('/assets/site.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('sends a reader from / to the language they prefer', async () => {
    const res = await h.get('/', { 'accept-language': 'ru;q=0.9, uk;q=0.8, en;q=0.5' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('http://news.test/uk/');
    expect((await h.get('/fr')).headers.get('location')).toBe('http://news.test/fr/');
  });
});

describe('a hostile article', () => {
  let h: SiteHarness;
  let slug: string;

  beforeAll(async () => {
    h = await siteHarness();
    // Written through the store, bypassing the API's sanitizer, as a buggy writer might.
    // (U+0000 is left out: PostgreSQL text cannot hold it, so no store can return it; the
    // feed package's own tests cover it.)
    const hostile: ArticleContent = {
      title: HOSTILE_TEXT,
      summary: `Summary ]]> \u000b\u000c <b>bold</b>`,
      body: '<p>a ]]> b</p><script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">click</a><p onclick="alert(4)">\u0001\u0008\u001f text</p>',
      categories: ['Def]]>ence\u0002'],
      image: {
        url: 'https://images.example.org/a.jpg" onerror="alert(5)',
        alt: '"><script>alert(6)</script>',
      },
    };
    ({ slug } = await h.publish('en', hostile));
  }, 120_000);
  afterAll(() => h.close());

  for (const file of ['rss.xml', 'atom.xml', 'feed.json']) {
    it(`leaves ${file} valid with nothing live in it`, async () => {
      const body = await (await h.get(`/feeds/en/${file}`)).text();
      // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence.
      expect(body).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
      if (file !== 'feed.json') expect(XMLValidator.validate(body)).toBe(true);
      const feed = parseFeed(body).feed as {
        items?: Record<string, unknown>[];
        entries?: Record<string, unknown>[];
      };
      const item = (feed.items ?? feed.entries ?? [])[0] ?? {};
      const title =
        typeof item.title === 'object' ? (item.title as { value: string }).value : item.title;
      expect(title).toBe('Alarm ]]> <script>alert(1)</script>  end');
      // feedsmith decodes entities in HTML content a second time, which no reader should;
      // what a reader gets is the XML text decoded once.
      const once = new XMLParser({ ignoreAttributes: false }).parse(body);
      const html = String(
        file === 'rss.xml'
          ? once.rss.channel.item['content:encoded']
          : file === 'atom.xml'
            ? once.feed.entry.content['#text']
            : item.content_html,
      );
      expect(html).not.toMatch(LIVE);
    });
  }

  it('renders a page with the title escaped and the body sanitized', async () => {
    const page = await (await h.get(`/en/articles/${slug}`)).text();
    expect(page).toContain('<h1>Alarm ]]&gt; &lt;script&gt;alert(1)&lt;/script&gt;  end</h1>');
    expect(page).not.toMatch(LIVE);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence.
    expect(page).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const index = await (await h.get('/en/')).text();
    expect(index).not.toMatch(LIVE);
  });

  // README: pages, like feeds, carry an ETag per coding, so a reader's browser revalidates them.
  it('answers a conditional GET of a page with 304, in every coding', async () => {
    for (const path of ['/en/', `/en/articles/${slug}`]) {
      for (const coding of [undefined, 'gzip', 'br']) {
        const asked: Record<string, string> = coding ? { 'accept-encoding': coding } : {};
        const first = await h.get(path, asked);
        expect(first.status, path).toBe(200);
        await first.arrayBuffer();
        const etag = first.headers.get('etag');
        expect(etag, `${path} ${coding}`).toMatch(
          coding ? new RegExp(`-${coding}"$`) : /^"[\w-]+"$/,
        );
        const again = await h.get(path, { ...asked, 'if-none-match': etag ?? '' });
        expect(again.status, `${path} ${coding}`).toBe(304);
        expect(again.headers.get('etag')).toBe(etag);
        expect(await again.text()).toBe('');
      }
    }
    // Another page's tag is not this one's.
    const other = (await h.get('/es/')).headers.get('etag') ?? '';
    expect((await h.get('/en/', { 'if-none-match': other })).status).toBe(200);
  });
});
