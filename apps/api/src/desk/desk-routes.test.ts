import { createLogger } from '@tidings/core';
import { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TranslationDispatcher } from '../dispatch/translation-dispatcher.ts';
import { articleCommands } from '../routes/article-commands.ts';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';
import { deskClient } from '../testing/desk-client.ts';
import { deskRoutes, safeNext } from './desk-routes.ts';

const silent = createLogger({ logLevel: 'silent', logFormat: 'json' }, 'test');

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness({ desk: { sessionSecret: 'x'.repeat(40), sessionTtlSeconds: 3600 } });
  for (const [key, title] of [
    [h.keys.publisher, 'Harbour reopens after the storm'],
    [h.keys.otherPublisher, 'Rival paper: council budget vote'],
  ] as const) {
    const res = await h.call('POST', '/v1/articles', key, {
      title,
      body: '<p>The harbour reopened on Monday.</p>',
      language: 'en',
    });
    expect(res.status).toBe(201);
  }
});
afterAll(() => h.close());
afterEach(() => vi.useRealTimers());

describe('desk sign-in (happy)', () => {
  it('sends a visitor without a session to sign in, and back to the queue after', async () => {
    const desk = deskClient(h.app);
    const first = await desk.get('/desk/glossary');
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/desk/sign-in?next=%2Fdesk%2Fglossary');
    const page = await (await desk.get('/desk/sign-in?next=%2Fdesk%2Fglossary')).text();
    expect(page).toContain('<input type="hidden" name="next" value="/desk/glossary">');
    const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const res = await desk.post('/desk/sign-in', {
      _csrf: token,
      key: h.keys.editor,
      next: '/desk/glossary',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/desk/glossary');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tidings_desk_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/desk/);
    expect(cookie).toMatch(/Max-Age=3600/);
    expect(cookie).not.toMatch(/Secure/); // served over http here
    expect(cookie).not.toContain(h.keys.editor);
    expect((await desk.get('/desk/glossary')).status).toBe(200);
  });

  it('shows an editor the queue with every article, counts by state, and a sign-out form', async () => {
    const desk = deskClient(h.app);
    await desk.signIn(h.keys.editor);
    const res = await desk.get('/desk/');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const page = await res.text();
    expect(page).toContain('Harbour reopens after the storm');
    expect(page).toContain('Rival paper: council budget vote');
    // Two articles, five target languages each, all waiting for a worker.
    expect(page).toMatch(/<span>Waiting<\/span> <span class="count">10<\/span>/);
    expect(page).toContain('action="/desk/sign-out"');
  });

  it("answers the queue's poll with 304 and no page while the queue shows nothing new", async () => {
    const desk = deskClient(h.app);
    await desk.signIn(h.keys.editor);
    const first = await desk.get('/desk/');
    const page = await first.text();
    const version = /data-live-queue data-version="([^"]+)"/.exec(page)?.[1];
    expect(version).toBeDefined();
    expect(first.headers.get('etag')).toBe(`W/"${version}"`);
    const same = await desk.get('/desk/', { 'if-none-match': `W/"${version}"` });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    const posted = await h.call('POST', '/v1/articles', h.keys.publisher, {
      title: 'Ferry timetable changes for winter',
      body: '<p>The ferry runs twice a day from November.</p>',
      language: 'en',
    });
    expect(posted.status).toBe(201);
    const changed = await desk.get('/desk/', { 'if-none-match': `W/"${version}"` });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('Ferry timetable changes for winter');
  });

  it('filters the queue by title words and language, and says what is wrong with a bad filter', async () => {
    const desk = deskClient(h.app);
    await desk.signIn(h.keys.editor);
    const found = await (await desk.get('/desk/?q=harbour&language=de')).text();
    expect(found).toContain('Harbour reopens after the storm');
    expect(found).not.toContain('Rival paper');
    const bad = await desk.get('/desk/?language=xx');
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(text).toContain('There is a problem');
    expect(text).toContain('<a href="#language">Choose a language from the list</a>');
    const expired = await desk.get('/desk/?cursor=not-a-cursor');
    expect(expired.status).toBe(400);
    // A NUL character, which the store cannot compare: said like any bad filter, never a 500.
    const nul = await desk.get('/desk/?q=harb%00our');
    expect(nul.status).toBe(400);
    expect(await nul.text()).toContain('<a href="#q">');
  });

  it('shows the queue a page of 20 articles at a time, newest first, with links to older and back', async () => {
    for (let n = 1; n <= 21; n++) {
      // The other publisher's, so that the publisher's own queue below stays as it was.
      const res = await h.call('POST', '/v1/articles', h.keys.otherPublisher, {
        title: `Paging notice ${n}`,
        body: '<p>The harbour reopened on Monday.</p>',
        language: 'en',
      });
      expect(res.status).toBe(201);
    }
    const desk = deskClient(h.app);
    await desk.signIn(h.keys.editor);
    const titles = (page: string) =>
      [...page.matchAll(/>(Paging notice \d+)<\/a>/g)].map((m) => m[1]);
    const first = await (await desk.get('/desk/?q=paging')).text();
    expect(titles(first)).toEqual(Array.from({ length: 20 }, (_, i) => `Paging notice ${21 - i}`));
    const older = /<a href="([^"]+)" rel="next">Older articles<\/a>/.exec(first)?.[1] ?? '';
    expect(older).toMatch(/^\/desk\/\?q=paging&amp;cursor=/);
    const second = await (await desk.get(older.replaceAll('&amp;', '&'))).text();
    expect(titles(second)).toEqual(['Paging notice 1']);
    expect(second).not.toContain('Older articles');
    expect(second).toContain('<a href="/desk/?q=paging">Newest articles</a>');
  });

  it('remembers the interface language the editor chose', async () => {
    const desk = deskClient(h.app);
    await desk.signIn(h.keys.editor);
    const token = await desk.csrfToken('/desk/');
    const res = await desk.post('/desk/language', { _csrf: token, language: 'uk', next: '/desk/' });
    expect(res.status).toBe(303);
    const page = await (await desk.get('/desk/')).text();
    expect(page).toContain('<html lang="uk">');
    expect(page).toContain('<h1>Черга</h1>');
  });

  it('marks its cookies Secure when the public URL is https (TLS ended by a proxy)', async () => {
    const behindTls = new Hono();
    behindTls.route(
      '/desk/',
      deskRoutes({
        store: h.store,
        logger: silent,
        publicUrl: 'https://news.test',
        commands: articleCommands({
          store: h.store,
          logger: silent,
          dispatcher: new TranslationDispatcher(h.queue, h.store, silent),
          queueAvailable: () => true,
        }),
      }),
    );
    const desk = deskClient(behindTls);
    const token = await desk.csrfToken();
    const res = await desk.post(
      '/desk/sign-in',
      { _csrf: token, key: h.keys.editor },
      { origin: 'https://news.test' },
    );
    expect(res.status).toBe(303);
    const cookies = res.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie).toMatch(/; Secure/);
  });

  it('offers only the languages served (LANGUAGES) in the queue filter and the glossary form, and keeps a term’s others', async () => {
    // Through createApp, as production wires LANGUAGES to the desk.
    const narrowed = await apiHarness({
      languages: ['en', 'uk'],
      desk: { sessionSecret: 'y'.repeat(40), sessionTtlSeconds: 3600 },
    });
    try {
      const desk = deskClient(narrowed.app);
      expect((await desk.signIn(narrowed.keys.editor)).status).toBe(303);
      const options = (page: string, select: string) => {
        const from = page.indexOf(`<select id="${select}"`);
        return [
          ...page
            .slice(from, page.indexOf('</select>', from))
            .matchAll(/<option value="([a-z]*)"/g),
        ].map((m) => m[1]);
      };
      expect(options(await (await desk.get('/desk/')).text(), 'language')).toEqual([
        '',
        'en',
        'uk',
      ]);
      const glossary = await (await desk.get('/desk/glossary')).text();
      expect(options(glossary, 'from')).toEqual(['', 'en', 'uk']);
      expect([...glossary.matchAll(/name="translation-([a-z]+)"/g)].map((m) => m[1])).toEqual([
        'en',
        'uk',
      ]);

      // A term written when German was served keeps its German when changed on the desk.
      const { id } = await narrowed.store.createKey({ name: 'before', role: 'editor' });
      await narrowed.store.setGlossaryTerm(
        { source: 'Kyiv Ledger', translations: { de: 'Kyjiwer Bote' }, caseSensitive: true },
        id,
      );
      const editing = await (await desk.get('/desk/glossary?term=Kyiv%20Ledger')).text();
      expect(editing).toContain('<input type="hidden" name="translation-de" value="Kyjiwer Bote">');
      expect(editing).not.toContain('id="translation-de"');
      const token = /name="_csrf" value="([^"]+)"/.exec(editing)?.[1] ?? '';
      const saved = await desk.post('/desk/glossary', {
        _csrf: token,
        source: 'Kyiv Ledger',
        from: '',
        'translation-en': '',
        'translation-uk': 'Київський вісник',
        'translation-de': 'Kyjiwer Bote',
        caseSensitive: 'true',
      });
      expect(saved.status).toBe(303);
      const { terms } = await narrowed.store.getGlossary();
      expect(terms.find((t) => t.source === 'Kyiv Ledger')?.translations).toEqual({
        de: 'Kyjiwer Bote',
        uk: 'Київський вісник',
      });
    } finally {
      await narrowed.close();
    }
  });

  it('signs out', async () => {
    const desk = deskClient(h.app);
    await desk.signIn(h.keys.editor);
    const token = await desk.csrfToken('/desk/');
    const out = await desk.post('/desk/sign-out', { _csrf: token });
    expect(out.status).toBe(303);
    expect((await desk.get('/desk/')).status).toBe(303);
  });
});

describe('desk sign-in (errors)', () => {
  it('refuses an unknown key with an error summary linking to the field, never echoing the key', async () => {
    const desk = deskClient(h.app);
    const wrong = `tdg_${'A'.repeat(43)}`;
    const token = await desk.csrfToken();
    const res = await desk.post('/desk/sign-in', { _csrf: token, key: wrong });
    expect(res.status).toBe(401);
    const page = await res.text();
    expect(page).toContain('<title>Error: Sign in to the desk');
    expect(page).toMatch(/<a href="#key">This API key is not known/);
    expect(page).toContain('aria-invalid="true"');
    expect(page).not.toContain(wrong);
    const empty = await desk.post('/desk/sign-in', { _csrf: token, key: '' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Enter your API key');
  });

  it('never sends the browser elsewhere after signing in', () => {
    expect(safeNext('/desk/glossary?x=1')).toBe('/desk/glossary?x=1');
    expect(safeNext('https://evil.test/')).toBe('/desk/');
    expect(safeNext('//evil.test/desk/')).toBe('/desk/');
    expect(safeNext('/desk/\\evil.test')).toBe('/desk/');
    expect(safeNext(undefined)).toBe('/desk/');
  });

  it('signs in to the queue, not a 500, when the page to go back to holds a NUL or a line break', async () => {
    // Such a `next` cannot be a Location header (Hono's redirect threw: a 500 after a good key)
    // and was echoed, NUL and all, into the sign-in form.
    const page = await (await deskClient(h.app).get('/desk/sign-in?next=%2Fdesk%2F%00x')).text();
    expect(page).not.toContain('\u0000');
    expect(page).toContain('<input type="hidden" name="next" value="/desk/">');
    for (const next of ['/desk/\u0000x', '/desk/a\r\nSet-Cookie: x=1', '/desk/\tx']) {
      const desk = deskClient(h.app);
      const token = await desk.csrfToken('/desk/sign-in');
      const res = await desk.post('/desk/sign-in', { _csrf: token, key: h.keys.editor, next });
      expect(res.status, JSON.stringify(next)).toBe(303);
      expect(res.headers.get('location')).toBe('/desk/');
      const back = await desk.get(`/desk/sign-in?next=${encodeURIComponent(next)}`);
      expect(back.status).toBe(303);
      expect(back.headers.get('location')).toBe('/desk/');
      const language = await desk.post('/desk/language', {
        _csrf: await desk.csrfToken('/desk/'),
        language: 'de',
        next,
      });
      expect(language.status).toBe(303);
      expect(language.headers.get('location')).toBe('/desk/');
    }
  });
});

describe('desk security', () => {
  it('refuses a form posted without its CSRF token, or from another origin, and changes nothing', async () => {
    const desk = deskClient(h.app);
    await desk.signIn(h.keys.editor);
    const token = await desk.csrfToken('/desk/glossary');
    const term = { source: 'Kyiv Ledger', 'translation-de': 'Kyjiwer Bote', caseSensitive: 'true' };
    const noToken = await desk.post('/desk/glossary', term);
    expect(noToken.status).toBe(403);
    const refusal = await noToken.text();
    expect(refusal).toContain('no valid security token');
    // Its own sign-out and language forms still work: they carry this browser's token.
    expect(refusal).toContain(`name="_csrf" value="${token}"`);
    const wrongToken = await desk.post('/desk/glossary', { ...term, _csrf: `${token}x` });
    expect(wrongToken.status).toBe(403);
    const otherOrigin = await desk.post(
      '/desk/glossary',
      { ...term, _csrf: token },
      { origin: 'https://evil.test' },
    );
    expect(otherOrigin.status).toBe(403);
    expect(await otherOrigin.text()).toContain('not sent from the desk itself');
    const noOrigin = await desk.post('/desk/glossary', { ...term, _csrf: token }, { origin: '' });
    expect(noOrigin.status).toBe(403);
    // An opaque origin (a sandboxed frame elsewhere) is told apart by Sec-Fetch-Site.
    const sandboxed = await desk.post(
      '/desk/glossary',
      { ...term, _csrf: token },
      { origin: 'null', 'sec-fetch-site': 'cross-site' },
    );
    expect(sandboxed.status).toBe(403);
    const glossary = (await (await h.call('GET', '/v1/glossary', h.keys.editor)).json()) as {
      terms: { source: string }[];
    };
    expect(glossary.terms.map((t) => t.source)).not.toContain('Kyiv Ledger');
  });

  it('takes a same-origin post whose Origin is null (Referrer-Policy: no-referrer)', async () => {
    const desk = deskClient(h.app);
    await desk.signIn(h.keys.editor);
    const token = await desk.csrfToken('/desk/');
    const res = await desk.post(
      '/desk/language',
      { _csrf: token, language: 'fr', next: '/desk/' },
      { origin: 'null', 'sec-fetch-site': 'same-origin' },
    );
    expect(res.status).toBe(303);
    expect(desk.cookies.get('tidings_desk_lang')).toBe('fr');
  });

  it('ends a session as soon as its key is revoked', async () => {
    const { id, token } = await h.store.createKey({ name: 'soon revoked', role: 'editor' });
    const desk = deskClient(h.app);
    expect((await desk.signIn(token)).status).toBe(303);
    expect((await desk.get('/desk/')).status).toBe(200);
    await h.store.revokeKey(id);
    const after = await desk.get('/desk/');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toMatch(/^\/desk\/sign-in/);
    expect(desk.cookies.has('tidings_desk_session')).toBe(false);
    const again = await desk.signIn(token);
    expect(again.status).toBe(401);
    expect(await again.text()).toContain('has been revoked');
  });

  it('ends a session after DESK_SESSION_TTL', async () => {
    const desk = deskClient(h.app);
    await desk.signIn(h.keys.editor);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3601 * 1000 });
    expect((await desk.get('/desk/')).status).toBe(303);
  });

  it('takes no forged or altered session cookie', async () => {
    const desk = deskClient(h.app);
    await desk.signIn(h.keys.publisher);
    const real = desk.cookies.get('tidings_desk_session') ?? '';
    const { id } = (await h.store.listKeys()).find((k) => k.role === 'admin') ?? { id: '' };
    // The admin's id with the publisher's signature.
    desk.cookies.set('tidings_desk_session', real.replace(/^[^.]+/, encodeURIComponent(id)));
    expect((await desk.get('/desk/')).status).toBe(303);
  });

  it('shows a publisher only its own articles, and no glossary', async () => {
    const desk = deskClient(h.app);
    await desk.signIn(h.keys.publisher);
    const page = await (await desk.get('/desk/')).text();
    expect(page).toContain('Harbour reopens after the storm');
    expect(page).not.toContain('Rival paper');
    expect(page).not.toContain('href="/desk/glossary"');
    expect((await desk.get('/desk/glossary')).status).toBe(403);
  });
});
