import { describe, expect, it } from 'vitest';
import {
  isLanguageCode,
  LANGUAGE_CODES,
  LANGUAGES,
  languageName,
  languageOf,
  targetsOf,
} from './languages.ts';

describe('languages', () => {
  it('reads as the site menu does: En Es De Fr It Ук', () => {
    expect(LANGUAGES.map((l) => l.menuLabel).join(' ')).toBe('En Es De Fr It Ук');
  });

  it('names each language in itself', () => {
    expect(languageOf('uk').nativeName).toBe('Українська');
    expect(languageOf('de').nativeName).toBe('Deutsch');
  });

  it('knows exactly the six codes', () => {
    expect(LANGUAGE_CODES).toEqual(['en', 'es', 'de', 'fr', 'it', 'uk']);
    expect(isLanguageCode('ru')).toBe(false);
    expect(isLanguageCode('uk')).toBe(true);
  });

  it('translates an article into the five other languages', () => {
    expect(targetsOf('uk')).toEqual(['en', 'es', 'de', 'fr', 'it']);
    expect(targetsOf('en')).not.toContain('en');
  });

  it("names every language in the reader's language, not in English", () => {
    expect(languageName('en', 'es')).toBe('inglés');
    expect(languageName('en', 'uk')).toBe('англійська');
    expect(languageName('uk', 'de')).toBe('Ukrainisch');
    expect(languageName('uk', 'fr', { standalone: true })).toBe('Ukrainien');
    for (const reader of LANGUAGE_CODES) {
      for (const code of LANGUAGE_CODES) {
        expect(languageName(code, reader), `${code} in ${reader}`).not.toBe(code);
      }
    }
  });
});
