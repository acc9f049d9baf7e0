import type { ArticleContent, LanguageCode } from '@tidings/core';
import { describe, expect, it } from 'vitest';
import { dictionaryTranslators } from './translator-test-harness.ts';

// The dictionary models' tokenizer has the Precompiled normalizer of every real Opus-MT
// conversion (NFKC): what reaches the model as `2½` comes out as `21⁄2`, `10⁶` as `106`,
// `m²` as `m2`, `CO₂` as `CO2`, `№5` as `No5`.
const translators = dictionaryTranslators('translator-compat');

const SENTENCES = [
  ['Prices rose by 2½ percent.', '2½'],
  ['The fund holds 10⁶ euros.', '10⁶'],
  ['The flat has 35 m².', '35 m²'],
  ['The factory emits CO₂ every day.', 'CO₂'],
  ['The minister signed decree №5 today.', '№5'],
  ['The dose is 10⁻³ grams.', '10⁻³'],
] as const;

const article = (title: string, body: string): ArticleContent => ({
  title,
  summary: '',
  body,
  categories: [],
});

describe('Numbers and units written with compatibility characters', () => {
  it('reach every translation exactly as written, with no review', async () => {
    const { translator } = translators();
    const targets: LanguageCode[] = ['de', 'es'];
    const wrong: string[] = [];
    for (const [sentence, kept] of SENTENCES) {
      const results = await translator.translateArticle(
        article(sentence, `<p>${sentence}</p>`),
        'en',
        targets,
      );
      for (const target of targets) {
        const result = results.get(target);
        const { title = '', body = '' } = result?.content ?? {};
        if (!title.includes(kept) || !body.includes(kept) || result?.needsReview.length !== 0) {
          wrong.push(`${target}: ${body} ${JSON.stringify(result?.needsReview)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('with protection off, holds each changed version for review, naming the number as written', async () => {
    const { translator } = translators({ protectRuns: false });
    const results = await translator.translateArticle(
      article('Inflation update', '<p>Prices rose by 2½ percent in November.</p>'),
      'en',
      ['de', 'es', 'fr', 'it', 'uk'],
    );
    for (const [target, result] of results) {
      expect(result.needsReview, target).toContainEqual({
        code: 'number-missing',
        number: '2½',
        segment: 'Prices rose by 2½ percent in November.',
      });
    }
  }, 120_000);
});
