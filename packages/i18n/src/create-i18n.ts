import type { LanguageCode } from '@tidings/core';
import { createInstance, type i18n, type TFunction } from 'i18next';
import { loadResources, type Resources } from './resources.ts';

/** The namespaces under `locales/{lang}/`. */
export const NAMESPACES = ['common', 'desk', 'errors', 'review', 'site'] as const;

/**
 * An i18next instance over every locale, initialised synchronously: ready when returned.
 *
 * @example
 * const i18n = createI18n();
 * i18n.getFixedT('uk')('common:article.count', { count: 3 }); // '3 статті'
 */
export function createI18n(resources: Resources = loadResources()): i18n {
  const instance = createInstance();
  void instance.init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    initAsync: false,
    // Strings go into HTML and XML through escaping renderers, never raw.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // `{{reason, capitalize}}`: a phrase that starts a sentence in this language (German after a
  // colon), its first letter in upper case.
  instance.services.formatter?.add('capitalize', (value: unknown, lng: string | undefined) => {
    const text = String(value);
    return text.charAt(0).toLocaleUpperCase(lng) + text.slice(1);
  });
  // `{{role, indefinite, capitalize}}`: English's indefinite article before a word, "an" before
  // a vowel letter ("an editor", "a publisher"); right for the codes it is given (role names),
  // not for every English word ("an hour").
  instance.services.formatter?.add('indefinite', (value: unknown) => {
    const text = String(value);
    return `${/^[aeiou]/i.test(text) ? 'an' : 'a'} ${text}`;
  });
  return instance;
}

let shared: i18n | undefined;

/**
 * A translation function fixed to one language, over a process-wide instance.
 *
 * @example
 * translatorFor('de')('common:feed.readIn', { languages: 'En, Es' }); // 'Lesen auf: En, Es'
 */
export function translatorFor(lang: LanguageCode): TFunction {
  shared ??= createI18n();
  return shared.getFixedT(lang);
}
