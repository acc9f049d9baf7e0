import { describe, expect, it } from 'vitest';
import { localeLanguage } from './locale-language.ts';

describe('localeLanguage', () => {
  it("takes the user's language from the locale, as POSIX ranks LC_ALL, LC_MESSAGES and LANG", () => {
    expect(localeLanguage({ LANG: 'de_AT.UTF-8' })).toBe('de-AT');
    expect(localeLanguage({ LANG: 'uk_UA.UTF-8', LC_MESSAGES: 'fr_FR.UTF-8' })).toBe('fr-FR');
    expect(localeLanguage({ LANG: 'en_GB.UTF-8', LC_ALL: 'es_419.UTF-8' })).toBe('es-419');
    expect(localeLanguage({ LANG: 'it' })).toBe('it');
    expect(localeLanguage({ LANG: 'uk_UA@hryvnia' })).toBe('uk-UA');
  });

  it('asks for nothing when the locale names no language Tidings speaks', () => {
    expect(localeLanguage({})).toBeUndefined();
    expect(localeLanguage({ LANG: 'C.UTF-8' })).toBeUndefined();
    expect(localeLanguage({ LANG: 'de_DE.UTF-8', LC_ALL: 'POSIX' })).toBeUndefined();
    expect(localeLanguage({ LANG: 'pl_PL.UTF-8' })).toBeUndefined();
    expect(localeLanguage({ LANG: '', LC_ALL: ' ' })).toBeUndefined();
  });
});
