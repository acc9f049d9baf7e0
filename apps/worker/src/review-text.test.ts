import { LANGUAGE_CODES } from '@tidings/core';
import { loadResources, translatorFor } from '@tidings/i18n';
import { REVIEW_REASON_CODES, type ReviewReason, type ReviewReasonCode } from '@tidings/translator';
import { describe, expect, it } from 'vitest';
import { reviewText } from './review-text.ts';

const segment = 'The minister met 习近平 on 5 May.';
// One reason per code; the compiler holds the keys to every code there is.
const samples: { [C in ReviewReasonCode]: ReviewReason & { code: C } } = {
  'placeholder-unknown': { code: 'placeholder-unknown', placeholder: '<x3/>', segment },
  'placeholder-missing': { code: 'placeholder-missing', placeholder: 1, segment },
  'placeholder-repeated': { code: 'placeholder-repeated', placeholder: 2, segment },
  'placeholder-out-of-order': { code: 'placeholder-out-of-order', placeholder: 1, segment },
  'empty-translation': { code: 'empty-translation', segment },
  'number-missing': { code: 'number-missing', number: '5', segment },
  'repetition-loop': { code: 'repetition-loop', phrase: 'gut', segment },
  'length-ratio': { code: 'length-ratio', ratio: 0.12, segment },
  'lost-foreign-run': { code: 'lost-foreign-run', runs: ['习近平'], segment },
  'lost-protected-run': { code: 'lost-protected-run', runs: ['https://example.org'], segment },
  'markup-repaired': {
    code: 'markup-repaired',
    repairs: [
      { placeholder: '<g1>', how: 'restored' },
      { placeholder: '<x2/>', how: 'moved' },
    ],
    segment,
  },
};

describe('review reasons', () => {
  // The codes come from the translator's own list, never from the locale files, so a code the
  // gate learns and no locale names fails here.
  const resources = loadResources();
  for (const lang of LANGUAGE_CODES) {
    it(`has a ${lang} text for every code the translator can give, with its fields filled in`, () => {
      const t = translatorFor(lang);
      for (const code of REVIEW_REASON_CODES) {
        expect(resources[lang].review?.[code], `${lang} ${code}`).toEqual(expect.any(String));
        const text = t(`review:${code}`, { ...samples[code], runs: 'x' });
        expect(text, `${lang} ${code}`).not.toMatch(/\{\{|\}\}/);
        expect(text, `${lang} ${code}`).toContain(segment);
      }
    });
  }

  it('says what the gate found, in English, for the editor', () => {
    expect(reviewText([samples['number-missing']])).toBe(`The number 5 was lost in “${segment}”`);
    expect(reviewText([samples['repetition-loop'], samples['lost-foreign-run']])).toBe(
      `“gut” repeats in a loop in “${segment}”; Text in another script was lost (习近平) in “${segment}”`,
    );
    expect(reviewText([])).toBeUndefined();
  });

  it('says which markup was put back and how', () => {
    expect(reviewText([samples['markup-repaired']])).toBe(
      `Markup the model lost or moved was put back (<g1> put back, <x2/> moved back) in “${segment}”`,
    );
  });
});
