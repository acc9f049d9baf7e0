import { LANGUAGE_CODES } from '@tidings/core';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { preferredLanguage, requestLanguage } from './preferred-language.ts';

describe('preferredLanguage', () => {
  it('picks the served language asked for first, by q, by its primary subtag', () => {
    expect(preferredLanguage('de-CH, fr;q=0.8', ['en', 'fr'])).toBe('fr');
    expect(preferredLanguage('it;q=0.5, de-AT;q=0.9', LANGUAGE_CODES)).toBe('de');
  });

  it('reads a language tag written with a space before its parameters', () => {
    expect(preferredLanguage('uk ;q=0.9, en;q=0.1', LANGUAGE_CODES)).toBe('uk');
  });

  it('falls back to English when nothing served is asked for', () => {
    expect(preferredLanguage(undefined, LANGUAGE_CODES)).toBe('en');
    expect(preferredLanguage('ja, zh;q=0.5', LANGUAGE_CODES)).toBe('en');
    expect(preferredLanguage('de;q=0', LANGUAGE_CODES)).toBe('en');
  });
});

describe('requestLanguage', () => {
  it('chooses among the six Tidings speaks, from a request or its Accept-Language header', async () => {
    expect(requestLanguage('it;q=0.5, de;q=0.9')).toBe('de');
    expect(requestLanguage('pt-BR, ja;q=0.5')).toBe('en');
    expect(requestLanguage(undefined)).toBe('en');
    const app = new Hono().get('/', (c) => c.text(requestLanguage(c)));
    const res = await app.request('/', { headers: { 'accept-language': 'it;q=0.5, de;q=0.9' } });
    expect(await res.text()).toBe('de');
    expect(await (await app.request('/')).text()).toBe('en');
  });
});
