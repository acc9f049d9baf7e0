import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';
import { deskArticle, HARBOUR, seenOf } from '../testing/desk-article.ts';
import { staleTranslation } from '../testing/stale-translation.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness({ desk: { sessionSecret: 'y'.repeat(40), sessionTtlSeconds: 3600 } });
});
afterAll(() => h.close());

const { post, held, signedIn } = deskArticle(() => h);

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

  it('gives a language’s times in UTC and says so, as the queue does, whatever the server’s time zone', async () => {
    const id = await held();
    const desk = await signedIn(h.keys.editor);
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    try {
      const page = await (await desk.get(`/desk/articles/${id}`)).text();
      const queuedAt = (await h.store.getTranslation(id, 'de')).queuedAt ?? new Date(0);
      const utc = new Intl.DateTimeFormat('en-GB', {
        dateStyle: 'medium',
        timeStyle: 'medium',
        timeZone: 'UTC',
      }).format(queuedAt);
      expect(page).toContain(
        `<dt>Queued</dt>\n<dd><time datetime="${queuedAt.toISOString()}">${utc} UTC</time>`,
      );
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('says how long the model took, and no such time for an editor’s correction saved later', async () => {
    const id = await post();
    const startedAt = new Date(Date.now() - 60_000);
    await h.store.recordTranslationResult({
      articleId: id,
      language: 'de',
      revision: 1,
      model: 'Xenova/opus-mt-en-de',
      status: 'published',
      timings: { startedAt, finishedAt: new Date(startedAt.getTime() + 1500) },
      content: { title: 'Hafen', summary: '', body: '<p>Hafen.</p>', categories: [] },
    });
    const desk = await signedIn(h.keys.editor);
    const finished = async () =>
      /<dt>Finished<\/dt>\n<dd>(.*?)<\/dd>/.exec(
        await (await desk.get(`/desk/articles/${id}?lang=de`)).text(),
      )?.[1];
    expect(await finished()).toMatch(/ UTC<\/time> \(took 1\.5 sec\)$/);
    expect(await (await desk.get(`/desk/articles/${id}?lang=de`)).text()).toContain(
      '<dt>Started</dt>',
    );
    const found = await h.store.lookupToken(h.keys.editor);
    if (found.status !== 'valid') throw new Error('no editor key');
    await h.store.editTranslation(
      id,
      'de',
      { title: 'Hafen', summary: '', body: '<p>Der Hafen.</p>', categories: [] },
      found.key.id,
    );
    expect(await finished()).toMatch(/ UTC<\/time>$/);
    // Nor a start: no model started the editor's version, as the API says too (startedAt null).
    expect(await (await desk.get(`/desk/articles/${id}?lang=de`)).text()).not.toContain(
      '<dt>Started</dt>',
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

  it('names the markup a draft lost by the element and the words it wraps, quoted, never markup', async () => {
    const id = await post();
    await h.store.recordTranslationResult({
      articleId: id,
      language: 'de',
      revision: 1,
      model: 'Xenova/opus-mt-en-de',
      status: 'needs_review',
      reasons: [
        {
          code: 'placeholder-missing',
          placeholder: 1,
          element: 'link',
          wraps: '<img src=x onerror=alert(1)>Monday',
          segment: 'Ships leave on Monday.',
        },
        // Kept before elements were named: read as it always was.
        { code: 'placeholder-repeated', placeholder: 2, segment: 'Ships leave on Monday.' },
      ],
      content: { title: 'Hafen', summary: '', body: '<p>Hafen.</p>', categories: [] },
    });
    const desk = await signedIn(h.keys.editor);
    const page = await (await desk.get(`/desk/articles/${id}`)).text();
    expect(page).toContain(
      '<li lang="en">The link around “&lt;img src=x onerror=alert(1)&gt;Monday” was lost in “Ships leave on Monday.”</li>',
    );
    expect(page).toContain(
      '<li lang="en">Markup 2 of the source was repeated in “Ships leave on Monday.”</li>',
    );
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

  it('comes back with every language the editor was comparing after publishing one of them', async () => {
    const id = await held();
    await h.store.recordTranslationResult({
      articleId: id,
      language: 'fr',
      revision: 1,
      model: 'Xenova/opus-mt-en-fr',
      status: 'published',
      content: { title: 'Le port rouvre', summary: '', body: '<p>Le port.</p>', categories: [] },
    });
    const desk = await signedIn(h.keys.editor);
    // What the browser posts: every field of the form, as the page wrote it.
    const fieldsOf = (page: string, action: string) => {
      const form = new RegExp(`<form[^>]*action="[^"]*/${action}"[\\s\\S]*?</form>`).exec(page);
      const fields: Record<string, string> = {};
      for (const [, name = '', value = ''] of (form?.[0] ?? '').matchAll(
        /<input type="hidden" name="([^"]+)" value="([^"]*)">/g,
      )) {
        fields[name] = value.replaceAll('&quot;', '"');
      }
      return fields;
    };
    const page = await (await desk.get(`/desk/articles/${id}?lang=de&lang=fr&edit=de`)).text();
    const edit = fieldsOf(page, 'de/edit');
    const corrected = await desk.post(`/desk/articles/${id}/de/edit`, {
      ...edit,
      title: 'Hafen öffnet wieder',
      summary: '',
      'block-0': '<p>Der Hafen öffnete am Montag.</p>',
    });
    expect(corrected.status).toBe(303);
    const after = await (await desk.get(corrected.headers.get('location') ?? '')).text();
    expect(after).toContain('Your correction is published.');
    expect(after).toContain('German: what readers see');
    expect(after).toContain('French: what readers see');

    const other = await held('it');
    const both = await (await desk.get(`/desk/articles/${other}?lang=de&lang=it`)).text();
    const approved = await desk.post(
      `/desk/articles/${other}/it/approve`,
      fieldsOf(both, 'it/approve'),
    );
    expect(approved.headers.get('location')).toBe(
      `/desk/articles/${other}?lang=it&lang=de&done=approved`,
    );
    const back = await (await desk.get(approved.headers.get('location') ?? '')).text();
    expect(back).toContain('Published as it was.');
    expect(back).toMatch(/name="lang" value="de" checked/);
    expect(back).toMatch(/name="lang" value="it" checked/);
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
        ...HARBOUR,
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
