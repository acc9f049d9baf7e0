import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';
import { heldDraft } from '../testing/held-draft.ts';

// An editor's correction names the title and body; the summary, the categories and the image's
// alt text are kept when left out and cleared only when sent empty. Before, a correction
// without `categories` took the language version out of its category feeds.

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness({ rateLimitPerMinute: 1000 });
});
afterAll(() => h.close());

interface Version {
  status: string;
  content: {
    title: string;
    summary: string;
    body: string;
    categories: string[];
    image?: { url: string; alt: string };
  } | null;
}

const german = {
  title: 'Die Ukraine tritt der JEF bei',
  summary: 'Erweiterter Partnerstatus.',
  body: '<p>Die Ukraine hat den Status erhalten.</p>',
  categories: ['Verteidigung', 'Diplomatie'],
  image: { url: 'https://img.example/jef.jpg', alt: 'Soldaten bei einer Übung' },
};

/** An article whose German version is live as the machine made it, with categories. */
async function publishedInGerman(): Promise<string> {
  const res = await h.call('POST', '/v1/articles', h.keys.publisher, {
    title: 'Ukraine joins the JEF',
    summary: 'Extended partner status.',
    body: '<p>Ukraine has been granted extended partner status.</p>',
    language: 'en',
    categories: ['Defence', 'Diplomacy'],
    image: { url: german.image.url, alt: 'Soldiers at an exercise' },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  await h.store.recordTranslationResult({
    articleId: id,
    language: 'de',
    revision: 1,
    model: 'Xenova/opus-mt-en-de',
    status: 'published',
    content: german,
  });
  return id;
}

const read = async (id: string) =>
  (await (await h.call('GET', `/v1/articles/${id}/de`, h.keys.editor)).json()) as Version;

/** Whether the article is in the German feed of the category `diplomatie`. */
const inDiplomacyFeed = async (id: string) => {
  const res = await h.app.request('/feeds/de/categories/diplomatie/rss.xml');
  return res.status === 200 && (await res.text()).includes(id);
};

describe('PUT /v1/articles/{id}/{lang}: what the correction leaves out', () => {
  it('keeps the summary, the categories and the alt text, and the category feeds keep the article', async () => {
    const id = await publishedInGerman();
    expect(await inDiplomacyFeed(id)).toBe(true);
    const res = await h.call('PUT', `/v1/articles/${id}/de`, h.keys.editor, {
      title: 'Die Ukraine wird JEF-Partner',
      body: '<p>Redigiert.</p>',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const expected = {
      status: 'edited',
      content: {
        title: 'Die Ukraine wird JEF-Partner',
        summary: german.summary,
        body: '<p>Redigiert.</p>',
        categories: german.categories,
        image: german.image,
      },
    };
    expect(await res.json()).toMatchObject(expected);
    expect(await read(id)).toMatchObject(expected);
    expect(await inDiplomacyFeed(id)).toBe(true);
  });

  it('clears what is sent empty: "categories": [], "summary": "", "imageAlt": ""', async () => {
    const id = await publishedInGerman();
    const res = await h.call('PUT', `/v1/articles/${id}/de`, h.keys.editor, {
      title: german.title,
      summary: '',
      body: german.body,
      categories: [],
      imageAlt: '',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await read(id)).content).toMatchObject({
      summary: '',
      categories: [],
      image: { url: german.image.url, alt: '' },
    });
    expect(await inDiplomacyFeed(id)).toBe(false);
  });

  it('replaces what is sent, and keeps what a later correction leaves out', async () => {
    const id = await publishedInGerman();
    await h.call('PUT', `/v1/articles/${id}/de`, h.keys.editor, {
      title: german.title,
      body: german.body,
      categories: ['Diplomatie'],
    });
    await h.call('PUT', `/v1/articles/${id}/de`, h.keys.editor, {
      title: 'Zweite Korrektur',
      body: german.body,
    });
    expect((await read(id)).content).toMatchObject({
      title: 'Zweite Korrektur',
      summary: german.summary,
      categories: ['Diplomatie'],
    });
  });

  it('still requires the title and the body: 422 naming each', async () => {
    const id = await publishedInGerman();
    const res = await h.call('PUT', `/v1/articles/${id}/de`, h.keys.editor, {
      categories: ['Diplomatie'],
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['body', 'title']);
    expect((await read(id)).content).toMatchObject(german);
  });
});

describe('a correction with no text in its body', () => {
  it('is refused as a new article without text is: 422 body-empty naming body, in the request language', async () => {
    const id = await publishedInGerman();
    for (const body of ['<p></p>', '<p><strong></strong></p>', '<p> <em> </em></p>']) {
      const res = await h.call(
        'PUT',
        `/v1/articles/${id}/de`,
        h.keys.editor,
        { title: 'Leer', body },
        { 'accept-language': 'de' },
      );
      expect(res.status, body).toBe(422);
      const problem = (await res.json()) as { detail: string; errors: { field: string }[] };
      expect(problem.detail).toBe(
        'Der Body enthält keinen Text mehr, sobald nicht erlaubtes Markup entfernt ist.',
      );
      expect(problem.errors.map((e) => e.field)).toEqual(['body']);
    }
    expect(await read(id)).toMatchObject({ status: 'published', content: german });
  });

  it('is refused when approving a draft with an edit, and the draft stays held', async () => {
    const id = await heldDraft(h, { draft: { ...german, image: undefined } });
    const res = await h.call('POST', `/v1/articles/${id}/de/approve`, h.keys.editor, {
      title: 'Leer',
      body: '<p><strong></strong></p>',
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { detail: string; errors: { field: string }[] };
    expect(problem.detail).toBe('The body has no text once disallowed markup is removed.');
    expect(problem.errors.map((e) => e.field)).toEqual(['body']);
    expect((await read(id)).status).toBe('needs_review');
  });
});

describe('POST /v1/articles/{id}/{lang}/approve with an edit: what it leaves out', () => {
  const held = () =>
    heldDraft(h, {
      source: {
        title: 'Ukraine joins the JEF',
        body: '<p>Ukraine has been granted extended partner status.</p>',
        language: 'en',
        categories: ['Defence', 'Diplomacy'],
      },
      draft: { ...german, image: undefined },
    });

  it("keeps the draft's summary and categories", async () => {
    const id = await held();
    const res = await h.call('POST', `/v1/articles/${id}/de/approve`, h.keys.editor, {
      title: 'Die Ukraine wird JEF-Partner',
      body: '<p>Redigiert.</p>',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await read(id)).toMatchObject({
      status: 'edited',
      content: { summary: german.summary, categories: german.categories },
    });
    expect(await inDiplomacyFeed(id)).toBe(true);
  });

  it('clears what is sent empty', async () => {
    const id = await held();
    const res = await h.call('POST', `/v1/articles/${id}/de/approve`, h.keys.editor, {
      title: german.title,
      summary: '',
      body: german.body,
      categories: [],
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await read(id)).content).toMatchObject({ summary: '', categories: [] });
    expect(await inDiplomacyFeed(id)).toBe(false);
  });
});
