import { ensureTestModels } from '@tidings/test-models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EvalSet, loadEvalSet } from './eval-set.ts';
import { evaluateTranslator } from './evaluate-translator.ts';
import { parseGlossary } from './glossary.ts';
import { Translator } from './translator.ts';

let set: EvalSet;
let translator: Translator;

beforeAll(async () => {
  set = await loadEvalSet();
  const { dictionaryModelsDir } = await ensureTestModels({ kinds: ['dictionary'] });
  translator = new Translator({
    modelsDir: dictionaryModelsDir,
    ortThreads: 1,
    glossary: parseGlossary({ terms: set.terms.map((source) => ({ source })) }),
  });
}, 120_000);
afterAll(() => translator?.close());

describe('evaluateTranslator', () => {
  it('scores a direct and a pivoted direction on the shipped set, every figure filled', async () => {
    const seen: string[] = [];
    // Every fifth sentence: plain ones, links and emphasis, numbers and dates, in a third of the time.
    const sample = { ...set, sentences: set.sentences.filter((_, i) => i % 5 === 0) };
    const scores = await evaluateTranslator(
      translator,
      sample,
      [
        ['en', 'es'],
        ['es', 'uk'],
      ],
      {
        onDirection: ({ index, total, from, to, score }) =>
          seen.push(`${index + 1}/${total} ${from}-${to}${score ? ' done' : ''}`),
      },
    );
    expect(seen).toEqual(['1/2 en-es', '1/2 en-es done', '2/2 es-uk', '2/2 es-uk done']);
    const [enEs, esUk] = scores;
    expect(enEs?.model).toBe('Xenova/opus-mt-en-es');
    expect(esUk?.model).toBe('Xenova/opus-mt-es-en → Xenova/opus-mt-en-uk');
    for (const score of scores) {
      expect(score.sentences).toBe(12);
      // Word-for-word dictionary models: far from the references, but not nothing.
      expect(score.chrF).toBeGreaterThan(10);
      expect(score.chrF).toBeLessThan(100);
      // They copy placeholders, so markup, numbers and protected terms all come through.
      expect(score.kept).toBe(1);
      expect(score.review).toBeGreaterThanOrEqual(0);
      expect(score.review).toBeLessThanOrEqual(1);
      expect(score.tokens).toBeGreaterThan(12 * 5);
      expect(score.tokensPerSecond).toBeGreaterThan(0);
      expect(score.losses).toEqual([]);
    }
  });
});
