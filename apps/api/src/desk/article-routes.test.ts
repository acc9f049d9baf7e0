import type { LanguageCode } from '@tidings/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';
import { type DeskClient, deskClient } from '../testing/desk-client.ts';
import { staleTranslation } from '../testing/stale-translation.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness({ desk: { sessionSecret: 'y'.repeat(40), sessionTtlSeconds: 3600 } });
});
afterAll(() => h.close());

const SOURCE = {
  title: 'Harbour reopens after the storm',
  summary: 'Ships are back.',
  body: '<p>The harbour reopened on Monday.</p><p>Fishing boats left at dawn.</p>',
  language: 'en',
};

async function post(key = h.keys.publisher, body: object = SOURCE): Promise<string> {
  const res = await h.call('POST', '/v1/articles', key, body);
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function held(language: LanguageCode = 'de', key = h.keys.publisher): Promise<string> {
  const id = await post(key);
  await h.store.recordTranslationResult({
    articleId: id,
    language,
    revision: 1,
    model: 'Xenova/opus-mt-en-de',
    status: 'needs_review',
    reason: 'A link was lost in “The harbour reopened on Monday.”; A number is missing',
    content: {
      title: 'Hafen öffnet nach dem Sturm',
      summary: 'Schiffe sind zurück.',
      body: '<p>Der Hafen öffnete am Montag.</p><p>Fischerboote fuhren im Morgengrauen los.</p>',
      categories: [],
    },
  });
  return id;
}

async function signedIn(key: string): Promise<DeskClient> {
  const desk = deskClient(h.app);
  expect((await desk.signIn(key)).status).toBe(303);
  return desk;
}

const seenOf = (page: string, action: string) =>
  new RegExp(
    `action="[^"]*/${action}"[^>]*>\\s*<input type="hidden" name="_csrf" value="([^"]+)">\\s*<input type="hidden" name="seen" value="([^"]+)">`,
  ).exec(page);

describe('desk article page (happy)', () => {
  it('shows a held German draft beside the source, block by block, with why it was held and its model', async () => {
    const id = await held();
    const desk = await signedIn(h.keys.editor);
    const res = await desk.get(`/desk/articles/${id}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Harbour reopens after the storm');
    expect(page).toContain('German: draft awaiting review');
    expect(page).toContain('<p>Der Hafen öffnete am Montag.</p>');
    expect(page).toContain('Why it was held for review');
    expect(page).toContain(
      '<li lang="en">A link was lost in “The harbour reopened on Monday.”</li>',
    );
    expect(page).toContain('<li lang="en">A number is missing</li>');
    expect(page).toContain('Xenova/opus-mt-en-de');
    // Aligned: the second block of each side sits in the same row, "Part 2".
    expect(page).toMatch(
      /<th scope="row">Part 2<\/th>\s*<td lang="en"[^>]*><p>Fishing boats left at dawn.<\/p><\/td><td lang="de"[^>]*><p>Fischerboote/,
    );
  });

  it('says each reason a draft was held for in the editor’s interface language, one per line', async () => {
    const id = await post();
    await h.store.recordTranslationResult({
      articleId: id,
      language: 'de',
      revision: 1,
      model: 'Xenova/opus-mt-en-de',
      status: 'needs_review',
      reason: 'The number 5 was lost in “Ships leave on 5 May.”; Protected text was lost (ACME)',
      reasons: [
        { code: 'number-missing', number: '5', segment: 'Ships leave on 5 May.' },
        { code: 'lost-protected-run', runs: ['ACME'], segment: 'ACME <b>rose</b>.' },
      ],
      content: { title: 'Hafen', summary: '', body: '<p>Hafen.</p>', categories: [] },
    });
    const desk = await signedIn(h.keys.editor);
    desk.cookies.set('tidings_desk_lang', 'de');
    const page = await (await desk.get(`/desk/articles/${id}`)).text();
    expect(page).toContain(
      '<li lang="de">Die Zahl 5 ging verloren in „Ships leave on 5 May.“</li>',
    );
    // The segment is the article's text: escaped, never markup.
    expect(page).toContain(
      '<li lang="de">Geschützter Text ging verloren (ACME) in „ACME &lt;b&gt;rose&lt;/b&gt;.“</li>',
    );
    expect(page).not.toContain('The number 5 was lost');
  });

  it('says why a language failed in the editor’s interface language, from its code; a failure kept as text only, as that text', async () => {
    const id = await post();
    const key = { articleId: id, revision: 1 };
    await h.store.recordTranslationFailure({
      ...key,
      language: 'de',
      reason: 'Model Xenova/opus-mt-en-de is not available in /srv/models (not found).',
      failure: {
        code: 'model-unavailable',
        model: 'Xenova/opus-mt-en-de',
        modelsDir: '/srv/models',
      },
    });
    await h.store.recordTranslationFailure({ ...key, language: 'fr', reason: 'old <b>text</b>' });
    const desk = await signedIn(h.keys.editor);
    desk.cookies.set('tidings_desk_lang', 'de');
    const de = await (await desk.get(`/desk/articles/${id}?lang=de`)).text();
    expect(de).toContain(
      '<li lang="de">Das Modell Xenova/opus-mt-en-de ist in /srv/models nicht verfügbar: mit `tidings models pull` holen oder, auf einem Server ohne Netz, aus einer Kopie der Modelle mit `tidings models pull --from DIR` installieren (DIR mit Xenova/opus-mt-en-de/), dann neu übersetzen</li>',
    );
    expect(de).not.toContain('is not available in');
    const fr = await (await desk.get(`/desk/articles/${id}?lang=fr`)).text();
    expect(fr).toContain(
      '<li lang="de">Die Übersetzung ist fehlgeschlagen: old &lt;b&gt;text&lt;/b&gt;</li>',
    );
  });

  it('publishes a held draft as it is, through the same write path as the API', async () => {
    const id = await held();
    const desk = await signedIn(h.keys.editor);
    const form = seenOf(await (await desk.get(`/desk/articles/${id}`)).text(), 'de/approve');
    const res = await desk.post(`/desk/articles/${id}/de/approve`, {
      _csrf: form?.[1] ?? '',
      seen: form?.[2] ?? '',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/desk/articles/${id}?lang=de&done=approved`);
    const de = await h.store.getTranslation(id, 'de');
    expect(de.status).toBe('published');
    expect(de.approvedBy).not.toBeNull();
    expect(await (await desk.get(res.headers.get('location') ?? '')).text()).toContain(
      'Published as it was.',
    );
  });

  it('publishes a correction of one block, cleaned with the API’s allow-list', async () => {
    const id = await held();
    const desk = await signedIn(h.keys.editor);
    const page = await (await desk.get(`/desk/articles/${id}?lang=de&edit=de`)).text();
    expect(page).toContain('<textarea id="edit-de-block-0" name="block-0" form="edit-form-de"');
    const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const seen = /id="edit-form-de"[\s\S]*?name="seen" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const res = await desk.post(`/desk/articles/${id}/de/edit`, {
      _csrf: token,
      seen,
      categories: '[]',
      title: 'Hafen öffnet nach dem Sturm',
      summary: 'Schiffe sind zurück.',
      'block-0':
        '<p>Der Hafen wurde am <em>Montag</em> wieder geöffnet.<script>alert(1)</script></p>',
      'block-1': '<p>Fischerboote fuhren im Morgengrauen los.</p>',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('done=published');
    const de = await h.store.getTranslation(id, 'de');
    expect(de.status).toBe('edited');
    expect(de.content?.body).toContain(
      '<p>Der Hafen wurde am <em>Montag</em> wieder geöffnet.</p>',
    );
    expect(de.content?.body).not.toContain('script');
  });

  it('shows a stale Spanish version with the source’s change marked and the fresh draft, and takes the draft', async () => {
    const id = await post();
    const desk = await signedIn(h.keys.editor);
    const revised = await staleTranslation(h, {
      articleId: id,
      language: 'es',
      edited: {
        title: 'El puerto reabre',
        summary: '',
        body: '<p>El puerto reabrió el lunes.</p><p>Los barcos salieron al alba.</p>',
        categories: [],
      },
      revisedSource: {
        ...SOURCE,
        body: '<p>The harbour reopened on Tuesday.</p><p>Fishing boats left at dawn.</p>',
      },
      model: 'Xenova/opus-mt-en-es',
      draft: {
        title: 'El puerto reabre tras la tormenta',
        summary: 'Los barcos vuelven.',
        body: '<p>El puerto reabrió el martes.</p><p>Los barcos de pesca salieron al alba.</p>',
        categories: [],
      },
    });
    expect(revised.status).toBe(202);
    expect((await h.store.getTranslation(id, 'es')).status).toBe('stale');
    const page = await (await desk.get(`/desk/articles/${id}?lang=es`)).text();
    expect(page).toContain('What changed in the original (revision 1 → 2)');
    expect(page).toContain('The harbour reopened on <del>Monday</del>.');
    expect(page).toContain('The harbour reopened on <ins>Tuesday</ins>.');
    expect(page).toContain('Spanish: the editor’s version');
    expect(page).toContain('Spanish: fresh machine draft');
    expect(page).toContain('<p>El puerto reabrió el martes.</p>');
    const form = seenOf(page, 'es/take-draft');
    const res = await desk.post(`/desk/articles/${id}/es/take-draft`, {
      _csrf: form?.[1] ?? '',
      seen: form?.[2] ?? '',
    });
    expect(res.status).toBe(303);
    const es = await h.store.getTranslation(id, 'es');
    expect(es.status).toBe('edited');
    expect(es.content?.body).toContain('El puerto reabrió el martes.');
    expect(es.draft).toBeNull();
  });

  it('shows where each sentence came from when recorded, and says so when not', async () => {
    const id = await post();
    await h.store.recordTranslationResult({
      articleId: id,
      language: 'fr',
      revision: 1,
      model: 'Xenova/opus-mt-en-fr',
      status: 'published',
      content: {
        title: 'Le port rouvre',
        summary: 'Les navires reviennent.',
        body: '<p>Le port a rouvert lundi.</p><p>Les bateaux sont partis.</p>',
        categories: [],
      },
      segmentOrigins: {
        origins: { human: 0, humanMemory: 1, machineMemory: 1, model: 2 },
        segments: [
          { block: 0, source: 'Harbour reopens after the storm', origin: 'model' },
          { block: 1, source: 'Ships are back.', origin: 'machine-memory' },
          { block: 2, source: 'The harbour reopened on Monday.', origin: 'human-memory' },
          { block: 3, source: 'Fishing boats left at dawn.', origin: 'model' },
        ],
      },
    });
    await h.store.recordTranslationResult({
      articleId: id,
      language: 'it',
      revision: 1,
      model: 'Xenova/opus-mt-en-it',
      status: 'published',
      content: { title: 'Il porto riapre', summary: '', body: '<p>Il porto.</p>', categories: [] },
    });
    const desk = await signedIn(h.keys.editor);
    const page = await (await desk.get(`/desk/articles/${id}?lang=fr&lang=it`)).text();
    expect(page).toContain('Where the sentences came from');
    expect(page).toMatch(/Editor’s earlier wording<\/span> 1 sentence/);
    expect(page).toMatch(/Model<\/span> 2 sentences/);
    expect(page).toMatch(
      /<th scope="row">Part 1<\/th>[\s\S]*?Editor’s earlier wording<\/span> <span class="desk-segment-source">The harbour reopened on Monday.<\/span>/,
    );
    expect(page).toContain('Where these sentences came from was not recorded for this version.');
  });

  it('speaks the interface language', async () => {
    const id = await held();
    const desk = await signedIn(h.keys.editor);
    const token = await desk.csrfToken(`/desk/articles/${id}`);
    await desk.post('/desk/language', {
      _csrf: token,
      language: 'uk',
      next: `/desk/articles/${id}`,
    });
    const page = await (await desk.get(`/desk/articles/${id}`)).text();
    expect(page).toContain('<html lang="uk">');
    expect(page).toContain('Опублікувати як є');
    expect(page).toContain('німецька: чернетка чекає перевірки');
  });
});

describe('desk article page (errors)', () => {
  it('refuses to approve a draft that changed since the editor opened it, and says so on the page', async () => {
    const id = await held();
    const desk = await signedIn(h.keys.editor);
    const form = seenOf(await (await desk.get(`/desk/articles/${id}`)).text(), 'de/approve');
    // A retry's new draft arrives meanwhile.
    await h.store.recordTranslationResult({
      articleId: id,
      language: 'de',
      revision: 1,
      retry: 1,
      model: 'Xenova/opus-mt-en-de',
      status: 'needs_review',
      reason: 'A number is missing',
      content: { title: 'Anderer Entwurf', summary: '', body: '<p>Anders.</p>', categories: [] },
    });
    const res = await desk.post(`/desk/articles/${id}/de/approve`, {
      _csrf: form?.[1] ?? '',
      seen: form?.[2] ?? '',
    });
    expect(res.status).toBe(409);
    const page = await res.text();
    expect(page).toContain('This language changed since you opened it');
    expect(page).toContain('role="alert"');
    expect((await h.store.getTranslation(id, 'de')).status).toBe('needs_review');
  });

  it("tells why an action did nothing in the editor's language, never the store's English", async () => {
    const id = await held();
    const desk = await signedIn(h.keys.editor);
    const token = await desk.csrfToken(`/desk/articles/${id}`);
    await desk.post('/desk/language', {
      _csrf: token,
      language: 'de',
      next: `/desk/articles/${id}`,
    });
    const form = seenOf(await (await desk.get(`/desk/articles/${id}`)).text(), 'de/approve');
    await h.store.recordTranslationResult({
      articleId: id,
      language: 'de',
      revision: 1,
      retry: 1,
      model: 'Xenova/opus-mt-en-de',
      status: 'published',
      content: { title: 'Anderer Entwurf', summary: '', body: '<p>Anders.</p>', categories: [] },
    });
    const changed = await desk.post(`/desk/articles/${id}/de/approve`, {
      _csrf: form?.[1] ?? '',
      seen: form?.[2] ?? '',
    });
    expect(changed.status).toBe(409);
    expect(await changed.text()).toContain(
      'de ist jetzt published (Revision 1); nichts wurde geändert.',
    );
    // Without the fingerprint the store itself refuses: its conflict, told in German too.
    const stale = await desk.post(`/desk/articles/${id}/de/approve`, { _csrf: form?.[1] ?? '' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain(
      'Die de-Fassung ist published; nur ein Entwurf mit needs_review kann freigegeben werden.',
    );
  });

  it('says why nothing was retried, and a correction without a title is refused with the field named', async () => {
    const id = await post();
    await h.store.recordTranslationResult({
      articleId: id,
      language: 'de',
      revision: 1,
      model: 'Xenova/opus-mt-en-de',
      status: 'published',
      content: { title: 'Hafen', summary: '', body: '<p>Hafen.</p>', categories: [] },
    });
    const desk = await signedIn(h.keys.editor);
    const token = await desk.csrfToken(`/desk/articles/${id}`);
    const retry = await desk.post(`/desk/articles/${id}/de/retry`, { _csrf: token });
    expect(retry.status).toBe(409);
    expect(await retry.text()).toContain('Nothing to retry');
    const edit = await desk.post(`/desk/articles/${id}/de/edit`, {
      _csrf: token,
      title: '',
      'block-0': '<p>x</p>',
      categories: '[]',
    });
    expect(edit.status).toBe(422);
    expect(await edit.text()).toMatch(
      /The correction cannot be saved as it is[\s\S]*title: a title is required/,
    );
  });

  it('answers an unknown article with a page, not a problem document', async () => {
    const desk = await signedIn(h.keys.editor);
    const res = await desk.get('/desk/articles/no-such-article');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
  });
});

describe('desk article page (security)', () => {
  it('does not open another publisher’s article to a publisher’s session, but opens its own', async () => {
    const theirs = await held('de', h.keys.otherPublisher);
    const mine = await held('de', h.keys.publisher);
    const desk = await signedIn(h.keys.publisher);
    const other = await desk.get(`/desk/articles/${theirs}`);
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain('Harbour reopens');
    expect((await desk.get(`/desk/articles/${theirs}/retract`)).status).toBe(404);
    const token = await desk.csrfToken(`/desk/articles/${mine}`);
    expect((await desk.post(`/desk/articles/${theirs}/retract`, { _csrf: token })).status).toBe(
      404,
    );
    expect((await h.store.getArticle(theirs)).retractedAt).toBeNull();
    expect((await desk.get(`/desk/articles/${mine}`)).status).toBe(200);
  });

  it('lets a publisher retract its own article after confirming, but not approve a draft', async () => {
    const id = await held();
    const desk = await signedIn(h.keys.publisher);
    const page = await (await desk.get(`/desk/articles/${id}`)).text();
    expect(page).not.toContain('/de/approve');
    const token = await desk.csrfToken(`/desk/articles/${id}/retract`);
    const approve = await desk.post(`/desk/articles/${id}/de/approve`, { _csrf: token });
    expect(approve.status).toBe(403);
    expect((await h.store.getTranslation(id, 'de')).status).toBe('needs_review');
    const retract = await desk.post(`/desk/articles/${id}/retract`, { _csrf: token });
    expect(retract.status).toBe(303);
    expect((await h.store.getArticle(id)).retractedAt).not.toBeNull();
  });

  it('refuses an action without the CSRF token and never runs an article’s markup', async () => {
    const id = await post(h.keys.publisher, {
      ...SOURCE,
      title: 'Hostile <img src=x onerror=alert(1)>',
      body: '<p>Hi<script>alert(1)</script><img src="https://x.test/a.png" onerror="alert(2)"></p>',
    });
    const desk = await signedIn(h.keys.editor);
    const page = await (await desk.get(`/desk/articles/${id}`)).text();
    expect(page).not.toContain('<script>alert');
    expect(page).not.toMatch(/<[^>]*\sonerror/);
    expect(page).toContain('Hostile &lt;img src=x onerror=alert(1)&gt;');
    const res = await desk.post(`/desk/articles/${id}/retry`, {});
    expect(res.status).toBe(403);
  });
});
