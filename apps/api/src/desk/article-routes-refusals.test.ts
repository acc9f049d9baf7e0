import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';
import { deskArticle, HARBOUR, seenOf } from '../testing/desk-article.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness({ desk: { sessionSecret: 'y'.repeat(40), sessionTtlSeconds: 3600 } });
});
afterAll(() => h.close());

const { post, held, signedIn } = deskArticle(() => h);

/** A machine-made German version of the article, published: 'Hafen'. */
const publishHafen = (id: string, categories: string[] = []) =>
  h.store.recordTranslationResult({
    articleId: id,
    language: 'de',
    revision: 1,
    model: 'Xenova/opus-mt-en-de',
    status: 'published',
    content: { title: 'Hafen', summary: '', body: '<p>Hafen.</p>', categories },
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
    await publishHafen(id);
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

  it('refuses a correction holding a NUL character, as the API does, rather than saving it altered', async () => {
    const id = await post();
    await publishHafen(id);
    const desk = await signedIn(h.keys.editor);
    const token = await desk.csrfToken(`/desk/articles/${id}`);
    const edit = await desk.post(`/desk/articles/${id}/de/edit`, {
      _csrf: token,
      title: 'Ha\u0000fen',
      'block-0': '<p>Der Ha\u0000fen.</p>',
      categories: '[]',
    });
    expect(edit.status).toBe(422);
    expect(await edit.text()).toMatch(/title: a NUL character[\s\S]*block-0: a NUL character/);
    const { content } = await h.store.getTranslation(id, 'de');
    expect(content).toMatchObject({ title: 'Hafen', body: '<p>Hafen.</p>' });
  });

  it('refuses a category holding a NUL character, which the form posts as the JSON escape', async () => {
    const id = await post();
    await publishHafen(id, ['Hafen']);
    const desk = await signedIn(h.keys.editor);
    const token = await desk.csrfToken(`/desk/articles/${id}`);
    const edit = await desk.post(`/desk/articles/${id}/de/edit`, {
      _csrf: token,
      title: 'Hafen',
      'block-0': '<p>Der Hafen.</p>',
      categories: JSON.stringify(['Ha\u0000fen']),
    });
    expect(edit.status).toBe(422);
    expect(await edit.text()).toMatch(/categories: a NUL character/);
    const { content } = await h.store.getTranslation(id, 'de');
    expect(content).toMatchObject({ body: '<p>Hafen.</p>', categories: ['Hafen'] });
  });

  it('refuses a correction whose body has no text, as the API refuses a new article without text', async () => {
    const id = await post();
    await publishHafen(id);
    const desk = await signedIn(h.keys.editor);
    const token = await desk.csrfToken(`/desk/articles/${id}`);
    const edit = await desk.post(`/desk/articles/${id}/de/edit`, {
      _csrf: token,
      title: 'Hafen',
      'block-0': '<p><strong></strong></p>',
      categories: '[]',
    });
    expect(edit.status).toBe(422);
    expect(await edit.text()).toContain('The body has no text once disallowed markup is removed.');
    const translation = await h.store.getTranslation(id, 'de');
    expect(translation).toMatchObject({ status: 'published', content: { body: '<p>Hafen.</p>' } });
  });

  it('shows a refused correction again as the editor typed it, so that nothing typed is lost', async () => {
    const id = await post();
    await publishHafen(id, ['Hafen']);
    const desk = await signedIn(h.keys.editor);
    const token = await desk.csrfToken(`/desk/articles/${id}`);
    const empty = await desk.post(`/desk/articles/${id}/de/edit`, {
      _csrf: token,
      title: 'Der Hafen öffnet wieder',
      'block-0': '<p><em></em></p>',
      categories: '["Hafen","Schifffahrt"]',
    });
    expect(empty.status).toBe(422);
    const page = await empty.text();
    expect(page).toContain('The body has no text once disallowed markup is removed.');
    expect(page).toMatch(
      /<input id="edit-de-title" name="title"[^>]* value="Der Hafen öffnet wieder"/,
    );
    expect(page).toMatch(
      /<textarea id="edit-de-block-0" name="block-0"[^>]*>&lt;p&gt;&lt;em&gt;&lt;\/em&gt;&lt;\/p&gt;<\/textarea>/,
    );
    expect(page).toContain('name="categories" value="[&quot;Hafen&quot;,&quot;Schifffahrt&quot;]"');
    const withNul = await desk.post(`/desk/articles/${id}/de/edit`, {
      _csrf: token,
      title: 'Der Ha\u0000fen öffnet',
      'block-0': '<p>Schiffe legen wieder an.</p>',
      categories: '["Hafen"]',
    });
    expect(withNul.status).toBe(422);
    const again = await withNul.text();
    expect(again).not.toContain('\u0000');
    expect(again).toMatch(/<input id="edit-de-title" name="title"[^>]* value="Der Hafen öffnet"/);
    expect(again).toMatch(
      /name="block-0"[^>]*>&lt;p&gt;Schiffe legen wieder an.&lt;\/p&gt;<\/textarea>/,
    );
    const { content } = await h.store.getTranslation(id, 'de');
    expect(content).toMatchObject({ title: 'Hafen', body: '<p>Hafen.</p>', categories: ['Hafen'] });
  });

  it('keeps a correction typed while another editor changed the language, beside the version as it is now', async () => {
    const id = await post();
    await publishHafen(id, ['Hafen']);
    const desk = await signedIn(h.keys.editor);
    const opened = await (await desk.get(`/desk/articles/${id}?lang=de&edit=de`)).text();
    const form = seenOf(opened, 'de/edit');
    // Another editor's correction is saved meanwhile, through the API.
    const other = await h.call('PUT', `/v1/articles/${id}/de`, h.keys.editor, {
      title: 'Hafen (korrigiert)',
      body: '<p>Der Hafen.</p>',
    });
    expect(other.status).toBe(200);
    const res = await desk.post(`/desk/articles/${id}/de/edit`, {
      _csrf: form?.[1] ?? '',
      seen: form?.[2] ?? '',
      title: 'Der Hafen öffnet wieder',
      'block-0': '<p>Schiffe legen wieder an.</p>',
      categories: '["Hafen"]',
    });
    expect(res.status).toBe(409);
    const page = await res.text();
    expect(page).toContain('This language changed since you opened it');
    expect(page).toContain('German: your correction (not saved)');
    expect(page).toMatch(
      /<input id="edit-de-title" name="title"[^>]* value="Der Hafen öffnet wieder"/,
    );
    expect(page).toMatch(
      /name="block-0"[^>]*>&lt;p&gt;Schiffe legen wieder an.&lt;\/p&gt;<\/textarea>/,
    );
    // The other editor's version, as it is now, in its own column; nothing of theirs overwritten.
    expect(page).toContain('German: what readers see');
    expect(page).toContain('Der Hafen.');
    expect((await h.store.getTranslation(id, 'de')).content?.title).toBe('Hafen (korrigiert)');
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
      ...HARBOUR,
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
