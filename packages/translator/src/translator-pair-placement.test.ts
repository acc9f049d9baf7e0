import { ensureTestModels } from '@tidings/test-models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGlossary } from './glossary.ts';
import { Translator } from './translator.ts';
import { dictionaryTranslators } from './translator-test-harness.ts';

// A model that writes a link around the wrong words (test/models' unruly 'misplace-tags': tags
// shifted a word and a half) gets it moved back onto the translation of the linked words,
// translated alone in the same batch; a link the model placed well is left alone.
let misplacing: Translator;
let toEnd: Translator;
const sentBatches: (readonly string[])[] = [];

beforeAll(async () => {
  const { unrulyModelsDirs } = await ensureTestModels({ kinds: ['unruly'] });
  misplacing = new Translator({
    modelsDir: unrulyModelsDirs['misplace-tags'],
    ortThreads: 1,
    onBatch: (event) => sentBatches.push(event.texts),
    glossary: parseGlossary({ terms: [{ source: 'JEF' }] }),
  });
  toEnd = new Translator({
    modelsDir: unrulyModelsDirs['tags-to-end'],
    ortThreads: 1,
    glossary: parseGlossary({ terms: [{ source: 'JEF' }] }),
  });
}, 300_000);

afterAll(async () => {
  await misplacing.close();
  await toEnd.close();
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

  it('moves a link around a protected term onto the translated words, the term inside', async () => {
    const source =
      '<p>The minister said <a href="https://example.org/j">the JEF meeting</a> was new.</p>';
    for (const t of [misplacing, toEnd]) {
      const out = (await t.translateArticle(article(source), 'en', ['es'])).get('es');
      console.log(JSON.stringify(out, null, 1));
    }
  }, 120_000);

  // Before, a pair around a protected term or another tag was never placed: its words were not
  // translated alone, and the link stayed on the words the model put it around.
  const placed = (review: unknown) =>
    (review as { repairs: { placeholder: string; how: string }[] }[]).flatMap((r) =>
      r.repairs.map((x) => `${x.placeholder} ${x.how}`),
    );

  it('moves a link around a protected term onto the translated words, the term inside', async () => {
    const source =
      '<p>The minister said <a href="https://example.org/j">the JEF meeting</a> was new.</p>';
    sentBatches.length = 0;
    const out = (await misplacing.translateArticle(article(source), 'en', ['es'])).get('es');
    // The model put the term after "meeting" (a void's place is the model's); the link holds
    // "el reunión" and the term, not "reunión JEF fue".
    expect(out?.content.body).toBe(
      '<p>El ministro said <a href="https://example.org/j">el reunión JEF</a> fue nueva.</p>',
    );
    expect(placed(out?.needsReview)).toEqual(['<g1> moved', '</g1> moved']);
    // The linked words went with the term's placeholder, as in the sentence.
    expect(sentBatches[0]).toEqual([
      'The minister said <g1> the <x2/> meeting </g1> was new.',
      'the <x2/> meeting',
    ]);
    // Tags moved to the end: the repair's guess ("el JEF reunión fue") is narrowed to the words.
    const end = (await toEnd.translateArticle(article(source), 'en', ['es'])).get('es');
    expect(end?.content.body).toBe(
      '<p>El ministro said <a href="https://example.org/j">el JEF reunión</a> fue nueva.</p>',
    );
    expect(placed(end?.needsReview)).toEqual(['<g1> moved', '</g1> moved', '<x2/> moved']);
  }, 120_000);

  it('moves a link around emphasis onto the translated words, the emphasis inside', async () => {
    const source =
      '<p>The minister said <a href="https://example.org/e">the <em>new</em> meeting</a> was the first.</p>';
    for (const translator of [misplacing, toEnd]) {
      const out = (await translator.translateArticle(article(source), 'en', ['es'])).get('es');
      expect(out?.content.body).toBe(
        '<p>El ministro said <a href="https://example.org/e">el <em>nueva</em> reunión</a> fue el primera.</p>',
      );
      expect(placed(out?.needsReview)).toEqual([
        '<g2> moved',
        '</g2> moved',
        '<g1> moved',
        '</g1> moved',
      ]);
    }
  }, 120_000);
});
