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
