import { LANGUAGE_CODES } from '@tidings/core';
import { translateJobId } from '@tidings/queue';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';

// LANGUAGES=en,uk: only English and Ukrainian exist on this instance.
let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness({ languages: ['en', 'uk'] });
});
afterAll(() => h.close());

const B = 'http://news.test';
const german = {
  title: 'Die Ukraine wird erweiterter Partner der JEF',
  body: '<p>Die Ukraine hat den Status eines erweiterten Partners der Gemeinsamen Expeditionsstreitkräfte erhalten, wie die Regierung am Dienstag mitteilte.</p>',
};

interface View {
  id: string;
  languages: Record<string, { status: string }>;
}

async function jobsOf(articleId: string) {
  // A post's jobs follow its answer: wait for them, so that a missing one is really missing.
  await h.dispatcher.flush();
  const jobs = await h.queue.getJobs(['waiting', 'delayed', 'prioritized', 'active']);
  return jobs
    .filter((j) => j.data.articleId === articleId)
    .map((j) => [j.data.revision, j.data.target]);
}

async function keyId(token: string): Promise<string> {
  const found = await h.store.lookupToken(token);
  if (found.status !== 'valid') throw new Error('no key');
  return found.key.id;
}

describe('LANGUAGES=en,uk', () => {
  it('refuses a German post with a 422 that names LANGUAGES, and stores nothing', async () => {
    const before = (await h.store.listArticles({ limit: 100 })).items.length;
    for (const post of [{ ...german, language: 'de' }, german]) {
      const res = await h.call('POST', '/v1/articles', h.keys.publisher, post);
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await res.json()) as { detail: string };
      expect(problem.detail).toBe(
        'language' in post
          ? 'This instance serves only en, uk (LANGUAGES); an article in de is not accepted.'
          : 'This instance serves only en, uk (LANGUAGES); this article reads as de and is not accepted.',
      );
    }
    expect((await h.store.listArticles({ limit: 100 })).items.length).toBe(before);
  });

  it('names the served languages, not all six, when a post reads as none of them', async () => {
    const res = await h.call('POST', '/v1/articles', h.keys.publisher, {
      title: 'Nieuws',
      body: '<p>Nederland heeft besloten om volgend jaar deel te nemen aan de gezamenlijke oefeningen van de alliantie.</p>',
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { detail: string }).detail).toBe(
      'The text reads as none of the languages Tidings translates (en, uk); give the language explicitly if it is one of them.',
    );
  });

  it('translates an English post into Ukrainian only: one job, two languages', async () => {
    const res = await h.call('POST', '/v1/articles', h.keys.publisher, {
      title: 'Ukraine joins the JEF',
      body: '<p>Ukraine has been granted extended partner status.</p>',
      language: 'en',
    });
    expect(res.status).toBe(201);
    const view = (await res.json()) as View;
    expect(Object.keys(view.languages).sort()).toEqual(['en', 'uk']);
    expect(view.languages.uk?.status).toBe('queued');
    expect(await jobsOf(view.id)).toEqual([[1, 'uk']]);
    expect(await h.queue.getJob(translateJobId(view.id, 1, 'de'))).toBeUndefined();
  });

  it('serves English and Ukrainian pages and feeds only; German ones are 404', async () => {
    for (const path of ['/en/', '/uk/', '/feeds/en/rss.xml', '/feeds/uk/atom.xml']) {
      expect((await h.call('GET', path)).status, path).toBe(200);
    }
    for (const path of [
      '/de/',
      '/fr/',
      '/de/articles/anything',
      '/feeds/de/rss.xml',
      '/feeds/es/feed.json',
      '/feeds/de/feed.xsl',
      '/sitemaps/news-de.xml',
    ]) {
      expect((await h.call('GET', path)).status, path).toBe(404);
    }
    const page = await (await h.call('GET', '/en/')).text();
    const hreflangs = [...page.matchAll(/hreflang="([a-z-]+)"/g)].map((m) => m[1]);
    expect(new Set(hreflangs)).toEqual(new Set(['en', 'uk', 'x-default']));
    // A German reader is sent to English, the first language served.
    const home = await h.app.request('/', { headers: { 'accept-language': 'de-DE,de;q=0.9' } });
    expect(home.headers.get('location')).toBe(`${B}/en/`);
    const ukrainian = await h.app.request('/', { headers: { 'accept-language': 'de, uk;q=0.5' } });
    expect(ukrainian.headers.get('location')).toBe(`${B}/uk/`);
  });

  it('lists only English and Ukrainian in the OPML, the sitemap and robots.txt', async () => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
    const opml = await (await h.call('GET', '/feeds/opml.xml')).text();
    const feedLanguages = [...opml.matchAll(/xmlUrl="[^"]*\/feeds\/([a-z]{2})\//g)].map(
      (m) => m[1],
    );
    expect(new Set(feedLanguages)).toEqual(new Set(['en', 'uk']));
    expect(xml.parse(opml).opml.body.outline).toHaveLength(2);

    const sitemap = await (await h.call('GET', '/sitemap.xml')).text();
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toContain(`${B}/en/`);
    expect(locs).toContain(`${B}/uk/`);
    expect(locs.filter((l) => /\/(es|de|fr|it)\//.test(l ?? ''))).toEqual([]);
    const robots = await (await h.call('GET', '/robots.txt')).text();
    expect(robots.match(/news-[a-z]{2}\.xml/g)).toEqual(['news-en.xml', 'news-uk.xml']);
  });

  it('keeps an article stored with six languages before, and translates its revisions into Ukrainian only', async () => {
    // Stored when all six languages were served.
    const { article } = await h.store.createArticle({
      publisherKeyId: await keyId(h.keys.publisher),
      sourceLanguage: 'en',
      content: {
        title: 'Before the change',
        summary: '',
        body: '<p>Written when six languages were served.</p>',
        categories: [],
      },
    });
    expect(article.languages).toHaveLength(6);
    const res = await h.call('PUT', `/v1/articles/${article.id}`, h.keys.publisher, {
      title: 'After the change',
      body: '<p>Revised when only English and Ukrainian are served.</p>',
    });
    expect(res.status).toBe(202);
    const view = (await res.json()) as View;
    expect(view.languages.uk?.status).toBe('queued');
    expect(await jobsOf(article.id)).not.toContainEqual([2, 'de']);
    expect((await jobsOf(article.id)).filter(([revision]) => revision === 2)).toEqual([[2, 'uk']]);
    // Its English page and the site still answer; German is not served.
    const english = await h.store.getArticle(article.id);
    expect((await h.call('GET', `/en/articles/${english.slug}`)).status).toBe(200);
    expect((await h.call('GET', `/de/articles/${english.slug}`)).status).toBe(404);
    expect((await h.call('GET', '/sitemap.xml')).status).toBe(200);
    // A retry of the whole article touches only the languages served.
    const retry = await h.call('POST', `/v1/articles/${article.id}/retry`, h.keys.publisher);
    const retries = ((await retry.json()) as { retries: { language: string }[] }).retries;
    expect(retries.map((r) => r.language)).toEqual(['uk']);
    expect(
      (await h.call('POST', `/v1/articles/${article.id}/de/retry`, h.keys.publisher)).status,
    ).toBe(404);
    // Its stored German version is kept and readable in the API, but not edited or approved.
    const german = `/v1/articles/${article.id}/de`;
    expect((await h.call('GET', german, h.keys.publisher)).status).toBe(200);
    const edit = { title: 'Vorher', body: '<p>Ein Text.</p>' };
    const put = await h.call('PUT', german, h.keys.editor, edit);
    expect(put.status).toBe(404);
    expect(((await put.json()) as { detail: string }).detail).toContain('(LANGUAGES)');
    expect((await h.call('POST', `${german}/approve`, h.keys.editor, edit)).status).toBe(404);
  });

  it('documents only English and Ukrainian wherever a request of /openapi.json sends a language', async () => {
    const document = (await (await h.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { parameters?: unknown; requestBody?: unknown }>>;
      components: {
        schemas: {
          Article: {
            properties: {
              sourceLanguage: { enum: string[] };
              languages: { additionalProperties: { properties: Record<string, unknown> } };
            };
          };
        };
      };
    };
    const requests = JSON.stringify(
      Object.values(document.paths).flatMap((item) =>
        Object.values(item).map((operation) => [operation.parameters, operation.requestBody]),
      ),
    );
    const enums = [...requests.matchAll(/"enum":(\[[^\]]*\])/g)]
      .map((m) => JSON.parse(m[1] ?? '[]') as string[])
      .filter((values) => values.includes('en'));
    expect(enums.length).toBeGreaterThan(3);
    for (const values of enums) expect(values).toEqual(['en', 'uk']);
    // An answer keeps the six: articles kept from before LANGUAGES was narrowed keep theirs.
    expect(document.components.schemas.Article.properties.sourceLanguage.enum).toEqual([
      ...LANGUAGE_CODES,
    ]);
    const state = document.components.schemas.Article.properties.languages.additionalProperties;
    expect(Object.keys(state.properties)).toEqual(
      expect.arrayContaining(['editedBy', 'editor', 'approvedBy', 'approver']),
    );
  });
});
