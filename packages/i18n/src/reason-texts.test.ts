import { LANGUAGE_CODES, reviewReasonSchema } from '@tidings/core';
import { describe, expect, it } from 'vitest';
import { translatorFor } from './create-i18n.ts';
import { failureReasonText, reviewReasonText } from './reason-texts.ts';

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

describe('reviewReasonText', () => {
  it('names the markup a model lost as an editor knows it: the link and the words it wraps', () => {
    const reason = reviewReasonSchema.parse({
      code: 'placeholder-missing',
      placeholder: 1,
      element: 'link',
      wraps: 'Monday',
      segment: 'The minister said Monday.',
    });
    expect(reviewReasonText(translatorFor('en'), reason)).toBe(
      'The link around “Monday” was lost in “The minister said Monday.”',
    );
    expect(reviewReasonText(translatorFor('de'), reason)).toBe(
      'Der Link um „Monday“ ging verloren in „The minister said Monday.“',
    );
    expect(reviewReasonText(translatorFor('uk'), reason)).toBe(
      'Модель втратила посилання на «Monday» у «The minister said Monday.»',
    );
  });

  it('reads a reason kept or sent before elements were named as it always did', () => {
    const old = reviewReasonSchema.parse({
      code: 'placeholder-missing',
      placeholder: 1,
      segment: 'The minister said Monday.',
    });
    expect(reviewReasonText(translatorFor('en'), old)).toBe(
      'Markup 1 of the source was lost in “The minister said Monday.”',
    );
    const repaired = reviewReasonSchema.parse({
      code: 'markup-repaired',
      repairs: [
        { placeholder: '<g1>', how: 'restored' },
        { placeholder: '</g1>', how: 'moved' },
      ],
      segment: 'Hi.',
    });
    expect(reviewReasonText(translatorFor('en'), repaired)).toBe(
      'Markup the model lost or moved was put back (<g1> put back, </g1> moved back) in “Hi.”',
    );
  });

  it('tells each repaired element once, with an image by its alt text and a line break as one', () => {
    const reason = reviewReasonSchema.parse({
      code: 'markup-repaired',
      repairs: [
        { placeholder: '<g1>', how: 'moved', element: 'emphasis', wraps: 'never' },
        { placeholder: '</g1>', how: 'restored', element: 'emphasis', wraps: 'never' },
        { placeholder: '<x2/>', how: 'restored', element: 'image', wraps: 'Map of the port' },
        { placeholder: '<x3/>', how: 'moved', element: 'line-break' },
      ],
      segment: 'We never left.',
    });
    expect(reviewReasonText(translatorFor('en'), reason)).toBe(
      'Markup the model lost or moved was repaired in “We never left.”: the emphasis on “never” was put back, the image (“Map of the port”) was put back, and a line break was moved back into place',
    );
    expect(reviewReasonText(translatorFor('fr'), reason)).toBe(
      'Balisage réparé dans «\u00a0We never left.\u00a0»\u00a0: le modèle avait perdu l’italique sur «\u00a0never\u00a0», le modèle avait perdu l’image («\u00a0Map of the port\u00a0») et le modèle avait déplacé un saut de ligne',
    );
  });

  it('says an element without text by its kind alone, in every language', () => {
    for (const lang of LANGUAGE_CODES) {
      const text = reviewReasonText(translatorFor(lang), {
        code: 'placeholder-repeated',
        placeholder: 2,
        element: 'image',
        segment: 'Port.',
      });
      expect(text, lang).not.toMatch(/\{\{|undefined|\b2\b/);
      expect(text, lang).toContain('Port.');
    }
  });
});
