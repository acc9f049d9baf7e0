import { LANGUAGE_CODES } from '@tidings/core';
import { describe, expect, it } from 'vitest';
import { translatorFor } from './create-i18n.ts';
import { failureReasonText } from './reason-texts.ts';

describe('failureReasonText', () => {
  it('says which input the translator refused, and why, in the reader’s language', () => {
    const failure = {
      code: 'input-refused',
      input: 'no_route',
      fields: { from: 'de', to: 'uk' },
      message: 'The model map has no route from de to uk',
    } as const;
    expect(failureReasonText(translatorFor('de'), failure)).toBe(
      'Der Übersetzer hat den Artikel abgelehnt: Die Modellzuordnung hat keinen Weg von de nach uk; in MODEL_MAP einen ergänzen und neu übersetzen',
    );
    expect(
      failureReasonText(translatorFor('uk'), {
        code: 'input-refused',
        input: 'too_large',
        fields: { size: 250_001, limit: 200_000 },
        message: 'The article has 250001 characters; the limit is 200000 (MAX_ARTICLE_CHARS)',
      }),
    ).toContain('250001');
  });

  it('tells how to install a missing model on a server without network too, in every language', () => {
    const failure = {
      code: 'model-unavailable',
      model: 'Xenova/opus-mt-en-de',
      modelsDir: '/srv/models',
    } as const;
    for (const lang of LANGUAGE_CODES) {
      const text = failureReasonText(translatorFor(lang), failure);
      expect(text, lang).toContain('`tidings models pull`');
      expect(text, lang).toContain('`tidings models pull --from DIR`');
      expect(text, lang).toContain('Xenova/opus-mt-en-de/');
    }
  });

  it('falls back to the English message of an older worker’s refusal, which has no fields', () => {
    expect(
      failureReasonText(translatorFor('fr'), {
        code: 'input-refused',
        input: 'same_language',
        message: 'Cannot translate en into itself',
      }),
    ).toBe('Le traducteur a refusé l’article (Cannot translate en into itself)');
  });
});
