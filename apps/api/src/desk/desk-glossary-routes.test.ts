import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';
import { deskClient } from '../testing/desk-client.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness({ desk: { sessionSecret: 'x'.repeat(40), sessionTtlSeconds: 3600 } });
});
afterAll(() => h.close());

describe('desk glossary', () => {
  it('adds, changes and removes a term through the API’s own path, saying who and when', async () => {
    const desk = deskClient(h.app);
    await desk.signIn(h.keys.editor);
    const token = await desk.csrfToken('/desk/glossary');
    const added = await desk.post('/desk/glossary', {
      _csrf: token,
      source: 'Kyiv Ledger',
      from: 'en',
      'translation-de': 'Kyjiwer Bote',
      caseSensitive: 'true',
    });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe('/desk/glossary?done=added&source=Kyiv+Ledger');
    const api = (await (await h.call('GET', '/v1/glossary', h.keys.editor)).json()) as {
      terms: { source: string; translations?: Record<string, string>; updatedBy: string }[];
    };
    const term = api.terms.find((t) => t.source === 'Kyiv Ledger');
    expect(term?.translations).toEqual({ de: 'Kyjiwer Bote' });
    const page = await (await desk.get('/desk/glossary?done=added&source=Kyiv+Ledger')).text();
    expect(page).toContain('Added “Kyiv Ledger”.');
    expect(page).toContain('by editor'); // the key's name
    // The workers got the new version.
    expect(await h.redis.get(`${h.prefix}:glossary:version`)).not.toBeNull();

    const changed = await desk.post('/desk/glossary', {
      _csrf: token,
      source: 'Kyiv Ledger',
      'translation-de': 'Kiewer Bote',
    });
    expect(changed.headers.get('location')).toContain('done=changed');
    const removed = await desk.post('/desk/glossary/remove', {
      _csrf: token,
      source: 'Kyiv Ledger',
    });
    expect(removed.status).toBe(303);
    // The history says who changed what when, newest first.
    const history = await (await desk.get('/desk/glossary')).text();
    const section = history.slice(history.indexOf('id="history"'));
    const rows = [
      ...section.matchAll(
        /<tr>\s*<td data-label="Version">(\d+)<\/td>\s*<td data-label="What">([^<]+)/g,
      ),
    ].map((m) => m[2]);
    expect(rows.slice(0, 3)).toEqual([
      'Removed “Kyiv Ledger”',
      'Set “Kyiv Ledger”',
      'Set “Kyiv Ledger”',
    ]);
    expect(section).toContain('<td data-label="Who">editor</td>');
    expect(section).toContain('<span lang="de">Kiewer Bote</span>');
    const after = (await (await h.call('GET', '/v1/glossary', h.keys.editor)).json()) as {
      terms: { source: string }[];
    };
    expect(after.terms.map((t) => t.source)).not.toContain('Kyiv Ledger');
  });

  it('keeps what was typed and links each error to its field', async () => {
    const desk = deskClient(h.app);
    await desk.signIn(h.keys.editor);
    const token = await desk.csrfToken('/desk/glossary');
    const res = await desk.post('/desk/glossary', {
      _csrf: token,
      source: '',
      'translation-fr': 'x'.repeat(201),
    });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('<a href="#source">Enter the term, 1 to 200 characters</a>');
    expect(page).toContain('<a href="#translation-fr">');
    expect(page).toContain(`value="${'x'.repeat(201)}"`);
    // A NUL character, which the store cannot hold, in the term or a translation: said, not a 500.
    const nul = await desk.post('/desk/glossary', {
      _csrf: token,
      source: 'Ky\u0000iv',
      'translation-fr': 'Ki\u0000ev',
    });
    expect(nul.status).toBe(400);
    const nulPage = await nul.text();
    // Each field is told why (a NUL, not a length), and what was typed comes back without it:
    // a browser would show the NUL as U+FFFD and send that back, to be kept in the glossary.
    const taken =
      'The text held a NUL character (U+0000), which no text may hold. It has been taken out below: check the text and save again';
    expect(nulPage).toContain(`<a href="#source">${taken}</a>`);
    expect(nulPage).toContain(`<a href="#translation-fr">${taken}</a>`);
    expect(nulPage).not.toContain('\u0000');
    expect(nulPage).toMatch(/<input id="source" name="source" type="text" value="Kyiv"/);
    expect(nulPage).toMatch(/<input id="translation-fr" [^>]*value="Kiev"/);
    const notice = await (await desk.get('/desk/glossary?done=added&source=Ky%00iv')).text();
    expect(notice).toContain('Added “Kyiv”.');
    // Removing one answers the same: the form's error, not a 500 from the store.
    const remove = await desk.post('/desk/glossary/remove', { _csrf: token, source: 'NA\u0000TO' });
    expect(remove.status).toBe(400);
    expect(await remove.text()).toContain(
      '<a href="#source">a NUL character (U+0000), which no text may hold</a>',
    );
  });
});
