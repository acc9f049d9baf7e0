import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../testing/api-harness.ts';

// Problems the store raises (a missing key, a conflict, a cursor it did not make) are told by
// code in the language the request asks for, never as the store's English message.

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(() => h.close());

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
}

const asked = (lang: string) => ({ 'accept-language': lang });

async function problem(res: Response, status: number, lang: string): Promise<Problem> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.headers.get('content-language')).toBe(lang);
  return (await res.json()) as Problem;
}

describe('store problems in the reader language', () => {
  it('a key that does not exist: 404, told in German and Ukrainian', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const de = await problem(
      await h.call('DELETE', `/v1/keys/${id}`, h.keys.admin, undefined, asked('de')),
      404,
      'de',
    );
    expect(de).toMatchObject({
      type: 'http://news.test/docs/problems/not-found',
      title: 'Nicht gefunden',
      detail: `Kein API-Schlüssel hat die ID ${id}.`,
    });
    const uk = await problem(
      await h.call('DELETE', `/v1/keys/${id}`, h.keys.admin, undefined, asked('uk')),
      404,
      'uk',
    );
    expect(uk.detail).toBe(`Немає ключа API з ідентифікатором ${id}.`);
  });

  it('the last admin key: 409, told in German and French', async () => {
    const keys = (await (await h.call('GET', '/v1/keys', h.keys.admin)).json()) as {
      keys: { id: string; role: string }[];
    };
    const admin = keys.keys.find((k) => k.role === 'admin')?.id;
    const de = await problem(
      await h.call('DELETE', `/v1/keys/${admin}`, h.keys.admin, undefined, asked('de')),
      409,
      'de',
    );
    expect(de.type).toBe('http://news.test/docs/problems/conflict');
    expect(de.detail).toBe(
      `Schlüssel ${admin} ist der letzte admin-Schlüssel: Wird er widerrufen, kann niemand mehr Schlüssel anlegen oder widerrufen. Legen Sie zuerst einen weiteren admin-Schlüssel an (tidings keys create --role admin) und widerrufen Sie dann diesen.`,
    );
    const fr = await problem(
      await h.call('DELETE', `/v1/keys/${admin}`, h.keys.admin, undefined, asked('fr')),
      409,
      'fr',
    );
    expect(fr.detail).toMatch(/^La clé .* est la dernière clé admin/);
  });

  it('a slug already taken: 409 naming the slug, in German and Spanish', async () => {
    const article = { title: 'Kyiv', body: '<p>The city.</p>', language: 'en', slug: 'kyiv' };
    expect((await h.call('POST', '/v1/articles', h.keys.publisher, article)).status).toBe(201);
    const de = await problem(
      await h.call('POST', '/v1/articles', h.keys.publisher, article, asked('de')),
      409,
      'de',
    );
    expect(de).toMatchObject({
      type: 'http://news.test/docs/problems/conflict',
      title: 'Konflikt',
      detail: 'Der Slug „kyiv“ wird schon von einem anderen Artikel verwendet.',
    });
    const es = await problem(
      await h.call('POST', '/v1/articles', h.keys.publisher, article, asked('es')),
      409,
      'es',
    );
    expect(es.detail).toBe('El slug «kyiv» ya lo usa otro artículo.');
  });

  it('a cursor the store did not make: 400, in German and Italian', async () => {
    const de = await problem(
      await h.call('GET', '/v1/articles?cursor=garbage', h.keys.admin, undefined, asked('de')),
      400,
      'de',
    );
    expect(de).toMatchObject({
      type: 'http://news.test/docs/problems/bad-request',
      detail:
        'Kein Listen-Cursor: "garbage"; verwenden Sie den Cursor, den eine Liste geliefert hat.',
    });
    const it = await problem(
      await h.call('GET', '/v1/articles?cursor=garbage', h.keys.admin, undefined, asked('it')),
      400,
      'it',
    );
    expect(it.detail).toBe(
      'Non è un cursore di elenco: "garbage"; usate il cursore dato da un elenco.',
    );
  });
});

interface Invalid extends Problem {
  errors: { field: string; message: string }[];
}

describe('field problems in the reader language', () => {
  const post = (body: unknown, lang: string) =>
    h.call('POST', '/v1/articles', h.keys.publisher, body, asked(lang));

  it("zod's own words come in zod's German and Ukrainian, chosen per request", async () => {
    const de = (await problem(
      await post({ title: 1, body: '<p>x</p>' }, 'de'),
      422,
      'de',
    )) as Invalid;
    expect(de.type).toBe('http://news.test/docs/problems/validation');
    expect(de.errors).toEqual([
      { field: 'title', message: 'Ungültige Eingabe: erwartet string, erhalten Zahl' },
    ]);
    expect(de.detail).toBe(
      'Die Anfrage ist ungültig: title: Ungültige Eingabe: erwartet string, erhalten Zahl.',
    );
    const uk = (await problem(
      await post({ title: 1, body: '<p>x</p>' }, 'uk'),
      422,
      'uk',
    )) as Invalid;
    expect(uk.errors).toEqual([
      { field: 'title', message: 'Неправильні вхідні дані: очікується string, отримано число' },
    ]);
    // The next request in English is English: no language leaks from one parse to the next.
    const en = (await problem(
      await post({ title: 1, body: '<p>x</p>' }, 'en'),
      422,
      'en',
    )) as Invalid;
    expect(en.errors[0]?.message).toBe('Invalid input: expected string, received number');
  });

  it('a rule a schema names by code is told from the locales, its numbers filled in', async () => {
    const de = (await problem(
      await post({ title: '', body: '<p>x</p>', slug: 'Not A Slug' }, 'de'),
      422,
      'de',
    )) as Invalid;
    expect(de.errors).toEqual([
      { field: 'title', message: 'ein Titel ist nötig' },
      { field: 'slug', message: 'Kleinbuchstaben, Ziffern und einzelne Bindestriche' },
    ]);
    const fr = (await problem(
      await post({ title: 'x'.repeat(501), body: '<p>x</p>', language: 'ru' }, 'fr'),
      422,
      'fr',
    )) as Invalid;
    expect(fr.errors).toEqual([
      { field: 'title', message: 'au plus 500 caractères' },
      { field: 'language', message: 'l’un de en, es, de, fr, it, uk' },
    ]);
  });

  it("the API's own field reasons (a duplicate key, a bad include) by code", async () => {
    const twice = (await problem(
      await h.call(
        'POST',
        '/v1/articles',
        h.keys.publisher,
        '{"title": "a", "title": "b", "body": "<p>x</p>"}',
        asked('de'),
      ),
      400,
      'de',
    )) as Invalid;
    expect(twice.type).toBe('http://news.test/docs/problems/bad-request');
    expect(twice.errors).toEqual([{ field: 'title', message: 'doppelter Schlüssel' }]);
    const include = (await problem(
      await h.call(
        'POST',
        '/v1/articles/x/retry?include=all',
        h.keys.editor,
        undefined,
        asked('uk'),
      ),
      422,
      'uk',
    )) as Invalid;
    expect(include.errors).toEqual([{ field: 'include', message: 'лише «published»' }]);
  });
});

describe('other problems told by code', () => {
  it('a language the detector cannot tell: 422 in German, naming the field', async () => {
    const de = (await problem(
      await h.call(
        'POST',
        '/v1/articles',
        h.keys.publisher,
        {
          title: 'Правительство одобрило закон',
          body: '<p>Министр сказал, что правительство одобрит этот закон уже на этой неделе.</p>',
        },
        asked('de'),
      ),
      422,
      'de',
    )) as Invalid;
    expect(de.type).toBe('http://news.test/docs/problems/validation');
    // Russian reads as none of the six: said so, not as a 'best guess' of nothing at 0.00.
    expect(de.detail).toBe(
      'Der Text ist in keiner der Sprachen geschrieben, die Tidings übersetzt (en, es, de, fr, it, uk); geben Sie die Sprache ausdrücklich an, falls es eine davon ist.',
    );
    expect(de.errors).toEqual([
      { field: 'language', message: 'geben Sie die Sprache ausdrücklich an' },
    ]);
  });

  it('a Dutch or Polish article is none of the six: 422, not taken for German or French', async () => {
    for (const body of [
      '<p>Nederland heeft besloten om volgend jaar deel te nemen aan de gezamenlijke oefeningen van de alliantie.</p>',
      '<p>Minister obrony ogłosił we wtorek, że kraj weźmie udział we wspólnych ćwiczeniach sojuszu następnej zimy.</p>',
    ]) {
      const res = await h.call('POST', '/v1/articles', h.keys.publisher, { title: 'Nieuws', body });
      const p = (await problem(res, 422, 'en')) as Invalid;
      expect(p.detail).toMatch(/^The text reads as none of the languages Tidings translates/);
    }
  });

  it("nothing to retry in an editor's correction: 409 in German and Italian", async () => {
    const made = await h.call('POST', '/v1/articles', h.keys.publisher, {
      title: 'Harbour',
      body: '<p>The harbour reopened.</p>',
      language: 'en',
    });
    const { id } = (await made.json()) as { id: string };
    await h.call('PUT', `/v1/articles/${id}/de`, h.keys.editor, {
      title: 'Hafen',
      body: '<p>Redigiert.</p>',
    });
    const de = await problem(
      await h.call('POST', `/v1/articles/${id}/de/retry`, h.keys.editor, undefined, asked('de')),
      409,
      'de',
    );
    expect(de).toMatchObject({
      type: 'http://news.test/docs/problems/conflict',
      detail:
        'Nichts zu wiederholen: Die de-Fassung ist eine Korrektur der Redaktion (edited); eine Wiederholung ersetzt sie nie.',
    });
    const it = await problem(
      await h.call('POST', `/v1/articles/${id}/de/retry`, h.keys.editor, undefined, asked('it')),
      409,
      'it',
    );
    expect(it.detail).toMatch(/^Niente da ritentare: la versione de è una correzione/);
  });
});
