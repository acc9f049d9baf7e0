import { ensureTestModels } from '@tidings/test-models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Translator } from './translator.ts';
import { dictionaryTranslators } from './translator-test-harness.ts';

// A model that writes a link around the wrong words (test/models' unruly 'misplace-tags': tags
// shifted a word and a half) gets it moved back onto the translation of the linked words,
// translated alone in the same batch; a link the model placed well is left alone.
let misplacing: Translator;
const sentBatches: (readonly string[])[] = [];

beforeAll(async () => {
  const { unrulyModelsDirs } = await ensureTestModels({ kinds: ['unruly'] });
  misplacing = new Translator({
    modelsDir: unrulyModelsDirs['misplace-tags'],
    ortThreads: 1,
    onBatch: (event) => sentBatches.push(event.texts),
  });
}, 300_000);

afterAll(async () => {
  await misplacing.close();
});

const make = dictionaryTranslators('pair-placement');
const article = (body: string) => ({ title: '', summary: '', body, categories: [] });

describe('links and emphasis around the wrong words', () => {
  it('moves a link the model put on the wrong word back onto the translated words, and says so', async () => {
    const source = '<p>The <a href="https://example.org/a">minister</a> said the war.</p>';
    const out = (await misplacing.translateArticle(article(source), 'en', ['es'])).get('es');
    expect(out?.content.body).toBe(
      '<p>El <a href="https://example.org/a">ministro</a> said el war.</p>',
    );
    expect(out?.needsReview).toEqual([
      {
        code: 'markup-repaired',
        repairs: [
          { placeholder: '<g1>', how: 'moved', element: 'link', wraps: 'minister' },
          { placeholder: '</g1>', how: 'moved', element: 'link', wraps: 'minister' },
        ],
        segment: 'The minister said the war.',
      },
    ]);
    // The linked words went with their sentence, in one batch: no second model pass for them.
    expect(sentBatches[0]).toEqual(['The <g1> minister </g1> said the war.', 'minister']);
  }, 120_000);

  it('leaves a link the model put on the right words untouched, with no reason', async () => {
    const { translator, sent } = make();
    const source = '<p>The <a href="https://example.org/a">minister</a> said the war.</p>';
    const out = (await translator.translateArticle(article(source), 'en', ['es'])).get('es');
    expect(out?.content.body).toBe(
      '<p>El <a href="https://example.org/a">ministro</a> said el war.</p>',
    );
    expect(out?.needsReview).toEqual([]);
    expect(sent()).toEqual(['The <g1> minister </g1> said the war.', 'minister']);
  }, 120_000);
});
