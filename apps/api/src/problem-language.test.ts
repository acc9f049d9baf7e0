import { createLogger, LANGUAGE_CODES } from '@tidings/core';
import { loadResources, placeholdersOf } from '@tidings/i18n';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp } from './app.ts';
import { readJson } from './middleware/json-body.ts';
import { errorHandler } from './on-error.ts';
import {
  FIELD_PROBLEM_FIELDS,
  FIELD_PROBLEMS,
  PROBLEM_DETAILS,
  PROBLEMS,
  type ProblemDetailKey,
  ProblemError,
} from './problem.ts';

const logger = createLogger({ logLevel: 'silent', logFormat: 'json' }, 'test');
const app = createApp({ logger, readiness: [], publicUrl: 'https://news.example.org' });

type Problem = { type: string; title: string; status: number; detail: string };

describe('problems in the reader language', () => {
  it('answers in the language Accept-Language asks for, and says so', async () => {
    const res = await app.request('/nowhere', {
      headers: { 'accept-language': 'de-AT, en;q=0.5' },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-language')).toBe('de');
    expect(res.headers.get('vary')).toMatch(/accept-language/i);
    expect(await res.json()).toMatchObject({
      type: 'https://news.example.org/docs/problems/not-found',
      title: 'Nicht gefunden',
      detail: 'Unter /nowhere wird nichts bereitgestellt.',
    });
  });

  it('falls back to English for a language Tidings does not have, or none asked', async () => {
    for (const headers of [{ 'accept-language': 'ru, pl;q=0.9' }, {}] as Record<string, string>[]) {
      const res = await app.request('/nowhere', { headers });
      expect(res.headers.get('content-language')).toBe('en');
      expect(((await res.json()) as Problem).title).toBe('Not found');
    }
  });

  it('tells a list of roles as alternatives in the language asked', async () => {
    const roles = new Hono();
    roles.onError(errorHandler(logger));
    roles.get('/', () => {
      throw new ProblemError('forbidden', {
        key: 'role-forbidden',
        fields: { role: 'publisher', roles: ['editor', 'admin'] },
      });
    });
    const en = (await (await roles.request('/')).json()) as Problem;
    expect(en.detail).toBe('A publisher key cannot do this; only editor or admin keys can.');
    const fr = await roles.request('/', { headers: { 'accept-language': 'fr' } });
    expect(((await fr.json()) as Problem).detail).toBe(
      'Une clé publisher ne peut pas faire cela\u202f; il faut une clé editor ou admin.',
    );
  });

  it('says "an" before a role that starts with a vowel, in English', async () => {
    const roles = new Hono();
    roles.onError(errorHandler(logger));
    roles.get('/:role', (c) => {
      throw new ProblemError('forbidden', {
        key: 'role-forbidden',
        fields: { role: c.req.param('role'), roles: ['publisher'] },
      });
    });
    const detail = async (role: string) =>
      ((await (await roles.request(`/${role}`)).json()) as Problem).detail;
    expect(await detail('editor')).toBe('An editor key cannot do this; only publisher keys can.');
    expect(await detail('admin')).toBe('An admin key cannot do this; only publisher keys can.');
    expect(await detail('publisher')).toBe(
      'A publisher key cannot do this; only publisher keys can.',
    );
  });

  it('tells what is wrong with a request body in the language asked, naming where', async () => {
    const intake = new Hono();
    intake.onError(errorHandler(logger));
    intake.post('/', async (c) => c.json(await readJson(c, z.object({ title: z.string() }))));
    const post = (body: string, lang: string) =>
      intake.request('/', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'accept-language': lang },
      });
    const es = await post('{"title": ', 'es');
    expect(es.status).toBe(400);
    expect(es.headers.get('content-language')).toBe('es');
    expect(((await es.json()) as Problem).detail).toMatch(
      /^El cuerpo no es JSON válido( \(en el carácter \d+\))?\.$/,
    );
    const twice = await post('{"title": "a", "title": "b"}', 'uk');
    expect(((await twice.json()) as Problem).detail).toBe(
      'Ключ title указано двічі; надсилайте кожен ключ один раз.',
    );
    const en = await post('{"title": 1}', 'en');
    expect(en.status).toBe(422);
    expect(((await en.json()) as Problem).detail).toMatch(/^The request is not valid: title: /);
  });
});

describe('problem type pages', () => {
  it('resolves every problem type to a short page in the language asked', async () => {
    for (const code of Object.keys(PROBLEMS)) {
      const res = await app.request(`/docs/problems/${code}`, {
        headers: { 'accept-language': 'uk' },
      });
      expect(res.status, code).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-language')).toBe('uk');
      const page = await res.text();
      expect(page).toContain('<html lang="uk">');
      expect(page).toContain(`Статус HTTP ${PROBLEMS[code as keyof typeof PROBLEMS]}`);
    }
    const type = ((await (await app.request('/nowhere')).json()) as Problem).type;
    expect((await app.request(new URL(type).pathname)).status).toBe(200);
  });

  it('answers 404 for a problem that does not exist', async () => {
    expect((await app.request('/docs/problems/teapot')).status).toBe(404);
  });
});

describe('locales', () => {
  // Codes and keys come from the API's own tables, never from the locale files, so a problem
  // or a detail added in code without its text in some language fails here.
  const resources = loadResources();
  for (const lang of LANGUAGE_CODES) {
    it(`has a ${lang} title and page for every problem, and a text for every detail`, () => {
      const errors = resources[lang].errors as Record<string, Record<string, unknown>>;
      for (const code of Object.keys(PROBLEMS)) {
        expect(errors.problem?.[code], `${lang} problem.${code}`).toEqual({
          title: expect.stringMatching(/\S/),
          about: expect.stringMatching(/\S/),
        });
      }
      for (const key of Object.keys(PROBLEM_DETAILS) as ProblemDetailKey[]) {
        expect(errors.detail?.[key], `${lang} detail.${key}`).toEqual(expect.stringMatching(/\S/));
      }
      for (const code of FIELD_PROBLEMS) {
        expect(errors.field?.[code], `${lang} field.${code}`).toEqual(expect.stringMatching(/\S/));
      }
    });
  }

  // The fields are what the code gives (the types hold every site to PROBLEM_DETAILS and
  // FIELD_PROBLEM_FIELDS), so a misspelt `{{lnag}}` in any language fails here.
  it('names in each detail and field text only the fields its code gives, in every language', () => {
    for (const lang of LANGUAGE_CODES) {
      const errors = resources[lang].errors as Record<string, Record<string, string>>;
      for (const key of Object.keys(PROBLEM_DETAILS) as ProblemDetailKey[]) {
        const fields: readonly string[] = PROBLEM_DETAILS[key].fields;
        const unknown = placeholdersOf(errors.detail?.[key] ?? '').filter(
          (p) => !fields.includes(p),
        );
        expect(unknown, `${lang} detail.${key}`).toEqual([]);
      }
      for (const code of FIELD_PROBLEMS) {
        const fields: readonly string[] = FIELD_PROBLEM_FIELDS[code];
        const unknown = placeholdersOf(errors.field?.[code] ?? '').filter(
          (p) => !fields.includes(p),
        );
        expect(unknown, `${lang} field.${code}`).toEqual([]);
      }
    }
  });

  it('has no detail or field text that no code names (text nobody can see)', () => {
    const errors = resources.en.errors as Record<string, Record<string, unknown>>;
    expect(Object.keys(errors.detail ?? {}).sort()).toEqual(Object.keys(PROBLEM_DETAILS).sort());
    expect(Object.keys(errors.field ?? {}).sort()).toEqual([...FIELD_PROBLEMS].sort());
  });
});

describe('ProblemError', () => {
  it('carries the English text as its message, for logs and pages that show it', () => {
    const error = new ProblemError('forbidden', {
      key: 'role-forbidden',
      fields: { role: 'publisher', roles: ['editor', 'admin'] },
    });
    expect(error.message).toBe('A publisher key cannot do this; only editor or admin keys can.');
  });
});
