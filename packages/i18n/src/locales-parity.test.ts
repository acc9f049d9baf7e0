import { FAILURE_CODES, INPUT_REFUSALS, LANGUAGE_CODES, RETRY_SKIP_CODES } from '@tidings/core';
import { describe, expect, it } from 'vitest';
import { createI18n, NAMESPACES } from './create-i18n.ts';
import { loadResources, type Messages } from './resources.ts';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (s: string) =>
  [...s.matchAll(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();

const resources = loadResources();
const en = resources.en;

describe('locales', () => {
  // French sets a no-break space before a colon and inside guillemets, and a narrow one before
  // ; ! ?, so no line ever starts with the mark (as the translator's typeset() does for models).
  it('writes French with no-break spaces before : ; ! ? and inside « »', () => {
    const plain = / [:;!?»]|« /;
    for (const [namespace, messages] of Object.entries(resources.fr)) {
      for (const [key, text] of flatten(messages)) {
        expect(plain.test(text), `fr ${namespace}:${key}: ${text}`).toBe(false);
      }
    }
  });

  it('has exactly the namespaces i18n loads, in every language', () => {
    for (const lang of LANGUAGE_CODES) {
      expect(Object.keys(resources[lang]).sort(), lang).toEqual([...NAMESPACES].sort());
    }
  });

  // From the code list, so a failure code added without its texts fails here.
  it('says every failure code in every language', () => {
    for (const lang of LANGUAGE_CODES) {
      const failed = flatten(resources[lang].review ?? {});
      for (const code of FAILURE_CODES)
        expect(failed.get(`failed.${code}`), `${lang} ${code}`).toBeTruthy();
      for (const input of INPUT_REFUSALS)
        expect(failed.get(`failed.input.${input}`), `${lang} ${input}`).toBeTruthy();
    }
  });

  // From the code list, so a retry-skip code added without its texts fails here.
  it('says every retry-skip code in every language', () => {
    for (const lang of LANGUAGE_CODES) {
      const review = flatten(resources[lang].review ?? {});
      for (const code of RETRY_SKIP_CODES)
        expect(review.get(`skipped.${code}`), `${lang} ${code}`).toBeTruthy();
    }
  });

  // Keys come from `en`, never from a hand-kept list, so a key added in English and forgotten
  // elsewhere fails here.
  for (const ns of NAMESPACES) {
    const enKeys = flatten(en[ns] ?? {});
    const baseKeys = new Set([...enKeys.keys()].map((k) => k.replace(PLURAL_SUFFIX, '')));
    const pluralBases = new Set(
      [...enKeys.keys()]
        .filter((k) => PLURAL_SUFFIX.test(k))
        .map((k) => k.replace(PLURAL_SUFFIX, '')),
    );

    for (const lang of LANGUAGE_CODES) {
      describe(`${lang}/${ns}.json`, () => {
        const keys = flatten(resources[lang][ns] ?? {});

        it('has every key English has, and no other', () => {
          const langBases = new Set([...keys.keys()].map((k) => k.replace(PLURAL_SUFFIX, '')));
          expect([...langBases].sort()).toEqual([...baseKeys].sort());
        });

        it('has every plural form the language needs', () => {
          const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
          for (const base of pluralBases) {
            for (const category of categories) {
              expect(keys.has(`${base}_${category}`), `${base}_${category}`).toBe(true);
            }
          }
        });

        it('keeps the same {{placeholders}} as English', () => {
          for (const [key, value] of keys) {
            const enValue = enKeys.get(key) ?? enKeys.get(key.replace(PLURAL_SUFFIX, '_other'));
            if (enValue === undefined) continue;
            expect(placeholders(value), `${lang} ${key}`).toEqual(placeholders(enValue));
          }
        });

        it('has no empty string', () => {
          for (const [key, value] of keys) expect(value.trim(), key).not.toBe('');
        });
      });
    }
  }
});

describe('createI18n', () => {
  it('chooses the Ukrainian plural form by number', () => {
    const t = createI18n().getFixedT('uk');
    expect(t('common:article.count', { count: 1 })).toBe('1 стаття');
    expect(t('common:article.count', { count: 3 })).toBe('3 статті');
    expect(t('common:article.count', { count: 5 })).toBe('5 статей');
    expect(t('common:article.count', { count: 21 })).toBe('21 стаття');
  });

  it('answers in the language asked for', () => {
    const i18n = createI18n();
    expect(i18n.getFixedT('de')('common:feed.readIn', { languages: 'En, Es' })).toBe(
      'Lesen auf: En, Es',
    );
    expect(i18n.getFixedT('es')('errors:problem.not-found.title')).toBe('No encontrado');
  });
});
