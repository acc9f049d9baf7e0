import { readFileSync } from 'node:fs';
import type { ArticleContent, LanguageCode } from '@tidings/core';
import { expectedTranslation } from '@tidings/test-models';
import { describe, expect, it } from 'vitest';
import { Glossary } from './glossary.ts';
import { DEFAULT_MODEL_MAP, parseModelMap } from './model-map.ts';
import { dictionaryTranslators } from './translator-test-harness.ts';

/** A translator on the dictionary models with an empty memory of its own, recording batches. */
const make = dictionaryTranslators('translator');

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const en = (tgt: LanguageCode) => ({ src: 'en', tgt }) as const;

/** A seed .txt as an article: the bullet menu as one line, first line title, paragraphs. */
function seedArticle(name: string): { content: ArticleContent; paragraphs: string[] } {
  const text = readFileSync(
    new URL(`../../../test/fixtures/articles/${name}`, import.meta.url),
    'utf8',
  );
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const menu = lines.filter((l) => l.startsWith('•')).map((l) => l.replace(/^•\s*/, ''));
  const rest = lines.filter((l) => !l.startsWith('•'));
  const [title = '', ...paragraphs] = rest;
  const all = menu.length > 0 ? [menu.join(' '), ...paragraphs] : paragraphs;
  return {
    content: {
      title,
      summary: '',
      body: all.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
      categories: ['Defence'],
    },
    paragraphs: all,
  };
}

describe('Translator on the dictionary models', () => {
  it.each(['chas-pravdy-jef.txt', 'jef-extended-partner.txt'])(
    'translates the seed %s into the five other languages, each repeated line once',
    async (name) => {
      const { content, paragraphs } = seedArticle(name);
      const { translator, sent } = make();
      const targets = ['es', 'de', 'fr', 'it', 'uk'] as const;
      const results = await translator.translateArticle(content, 'en', targets);
      for (const target of targets) {
        const result = results.get(target);
        expect(result?.model).toBe(`Xenova/opus-mt-en-${target}`);
        expect(result?.needsReview).toEqual([]);
        expect(result?.content.title).toBe(expectedTranslation(content.title, en(target)));
        expect(result?.content.body).toBe(
          paragraphs
            .map((p) => `<p>${escapeHtml(expectedTranslation(p, en(target)))}</p>`)
            .join('\n'),
        );
        expect(result?.content.categories).toEqual([expectedTranslation('Defence', en(target))]);
        const texts = sent(`Xenova/opus-mt-en-${target}`);
        expect(new Set(texts).size).toBe(texts.length);
        if (name === 'chas-pravdy-jef.txt') {
          // "Ук" is Cyrillic in an English article: kept from the model, put back as it is.
          expect(texts.filter((t) => t === 'En Es De Fr It <x1/>')).toHaveLength(1);
        } else {
          const source = 'Source: Defense Minister of Ukraine Denys Shmyhal';
          expect(paragraphs.filter((p) => p === source)).toHaveLength(6);
          expect(texts.filter((t) => t === source)).toHaveLength(1);
          expect(result?.modelCalls).toBe(texts.length);
          expect(result?.segments).toBeGreaterThan(texts.length);
        }
      }
    },
    120_000,
  );

  it('brings back nested inline markup with the same tags, href and number', async () => {
    const { translator } = make();
    const body =
      '<p>The <a href="https://example.org/x?a=1&amp;b=2">minister <em>said</em></a> on 5 November 2025 that Ukraine joins the JEF.</p>';
    const result = await translator.translateArticle(
      { title: 'Ukraine', summary: '', body, categories: [] },
      'en',
      ['es', 'uk'],
    );
    expect(result.get('es')?.content.body).toBe(
      '<p>El <a href="https://example.org/x?a=1&amp;b=2">ministro <em>said</em></a> sobre 5 Noviembre 2025 que Ucrania joins el JEF.</p>',
    );
    expect(result.get('uk')?.content.body).toBe(
      '<p>The <a href="https://example.org/x?a=1&amp;b=2">міністр <em>said</em></a> на 5 Листопада 2025 що Україна joins the JEF.</p>',
    );
    expect(result.get('es')?.needsReview).toEqual([]);
  }, 60_000);

  it('re-translates only the sentences of the one paragraph a revision changed', async () => {
    const paragraph = (i: number) =>
      `<p>On ${i} November the minister said that Ukraine has joined the JEF. The alliance has ${i + 100} partners.</p>`;
    const original = Array.from({ length: 20 }, (_, i) => paragraph(i + 1));
    const content = (paragraphs: string[]): ArticleContent => ({
      title: 'Ukraine joins the JEF',
      summary: '',
      body: paragraphs.join('\n'),
      categories: [],
    });
    const { translator, sent, batches } = make();
    await translator.translateArticle(content(original), 'en', ['de']);
    expect(sent()).toHaveLength(41);
    batches.length = 0;
    const revised = [...original];
    revised[6] =
      '<p>On 7 December the minister said that Ukraine will join the JEF. The alliance has 12 partners.</p>';
    const result = await translator.translateArticle(content(revised), 'en', ['de']);
    expect(sent()).toEqual([
      'The alliance has 12 partners.',
      'On 7 December the minister said that Ukraine will join the JEF.',
    ]);
    expect(result.get('de')?.memoryHits).toBe(39);
    expect(result.get('de')?.content.body).toContain(
      `<p>${expectedTranslation('On 7 December the minister said that Ukraine will join the JEF. The alliance has 12 partners.', en('de'))}</p>`,
    );
  }, 60_000);

  it('translates a Spanish article into German through English, computing the English once', async () => {
    const english =
      'The minister said that Ukraine has joined the alliance. It is the first country.';
    const spanish = expectedTranslation(english, en('es'));
    const article: ArticleContent = {
      title: spanish,
      summary: '',
      body: `<p>${spanish}</p>`,
      categories: [],
    };
    // Without the direct es-de model, German (like Ukrainian) pivots through English.
    const pairs = Object.fromEntries(
      Object.entries(DEFAULT_MODEL_MAP.pairs).filter(([pair]) => pair !== 'es-de'),
    );
    const { translator, sent } = make({ modelMap: parseModelMap({ pairs }) });
    const results = await translator.translateArticle(article, 'es', ['de', 'uk', 'en']);
    const viaEnglish = expectedTranslation(spanish, { src: 'es', tgt: 'en' });
    for (const target of ['de', 'uk'] as const) {
      const result = results.get(target);
      expect(result?.model).toBe(`Xenova/opus-mt-es-en → Xenova/opus-mt-en-${target}`);
      expect(result?.content.body).toBe(`<p>${expectedTranslation(viaEnglish, en(target))}</p>`);
    }
    expect(results.get('en')?.content.body).toBe(`<p>${viaEnglish}</p>`);
    // Two sentences (the title repeats the body's): the English is made once for three targets.
    expect(sent('Xenova/opus-mt-es-en')).toHaveLength(2);
    expect(sent('Xenova/opus-mt-en-de')).toHaveLength(2);
    expect(sent('Xenova/opus-mt-en-uk')).toHaveLength(2);
    expect(translator.stats.byModel['Xenova/opus-mt-es-en']).toEqual({ calls: 1, segments: 2 });
  }, 60_000);

  it('shares batches and memory across several articles translated together', async () => {
    const { translator, batches } = make();
    const shared = '<p>The minister said that Ukraine has joined the JEF.</p>';
    const results = await translator.translateArticles([
      {
        content: { title: 'Ukraine', summary: '', body: shared, categories: [] },
        source: 'en',
        targets: ['es'],
      },
      {
        content: { title: 'NATO', summary: '', body: shared, categories: [] },
        source: 'en',
        targets: ['es', 'fr'],
      },
    ]);
    expect(batches.filter((b) => b.model === 'Xenova/opus-mt-en-es')).toHaveLength(1);
    expect(
      batches.flatMap((b) => b.texts).filter((t) => t.startsWith('The minister')),
    ).toHaveLength(2);
    expect(results[1]?.get('fr')?.content.title).toBe('NATO');
    expect(results[0]?.get('es')?.content.body).toBe(results[1]?.get('es')?.content.body);
  }, 60_000);

  it('keeps glossary terms as the newsroom wants them', async () => {
    const glossary = new Glossary([
      { source: 'Ukraine', caseSensitive: true },
      { source: 'JEF', translations: { es: 'FEC' }, caseSensitive: true },
    ]);
    const { translator, sent } = make({ glossary });
    const result = await translator.translateArticle(
      {
        title: '',
        summary: '',
        body: '<p>The minister said that Ukraine has joined the JEF.</p>',
        categories: [],
      },
      'en',
      ['es'],
    );
    expect(sent()).toEqual(['The minister said that <x1/> has joined the <x2/> .']);
    expect(result.get('es')?.content.body).toBe(
      '<p>El ministro said que Ukraine ha joined el FEC.</p>',
    );
  }, 60_000);

  it('takes a new glossary for the next article, and the memory never answers with the old one', async () => {
    const { translator, sent } = make();
    const article = (title: string) => ({
      title,
      summary: '',
      body: '<p>The minister said that Ukraine has joined the JEF.</p>',
      categories: [],
    });
    const before = await translator.translateArticle(article('One'), 'en', ['es']);
    expect(before.get('es')?.content.body).toBe(
      '<p>El ministro said que Ucrania ha joined el JEF.</p>',
    );
    translator.useGlossary(
      new Glossary([
        { source: 'Ukraine', caseSensitive: true },
        { source: 'JEF', translations: { es: 'FEC' }, caseSensitive: true },
      ]),
    );
    const after = await translator.translateArticle(article('Two'), 'en', ['es']);
    expect(after.get('es')?.content.body).toBe(
      '<p>El ministro said que Ukraine ha joined el FEC.</p>',
    );
    translator.useGlossary(
      new Glossary([{ source: 'JEF', translations: { es: 'JEF-ES' }, caseSensitive: true }]),
    );
    const changed = await translator.translateArticle(article('Three'), 'en', ['es']);
    expect(changed.get('es')?.content.body).toBe(
      '<p>El ministro said que Ucrania ha joined el JEF-ES.</p>',
    );
    translator.useGlossary(Glossary.EMPTY);
    const none = await translator.translateArticle(article('Four'), 'en', ['es']);
    expect(none.get('es')?.content.body).toBe(before.get('es')?.content.body);
    // The sentence went to the model once per distinct placeholder form, never again after.
    expect(sent().filter((t) => t.startsWith('The minister'))).toEqual([
      'The minister said that Ukraine has joined the JEF.',
      'The minister said that <x1/> has joined the <x2/> .',
      'The minister said that Ukraine has joined the <x1/> .',
    ]);
  }, 60_000);

  it('reports progress up to the total', async () => {
    const { translator } = make();
    const seen: number[] = [];
    const { content } = seedArticle('jef-extended-partner.txt');
    await translator.translateArticle(content, 'en', ['it'], {
      progress: ({ done, total }) => seen.push(done / total),
    });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  }, 60_000);

  it('splits a sentence longer than the model limit and translates all of it', async () => {
    const sentence = `${Array.from({ length: 120 }, () => 'the minister said that Ukraine has joined the alliance').join(', ')}.`;
    const { translator, sent } = make({ maxSegmentChars: 400 });
    const result = await translator.translateArticle(
      { title: '', summary: '', body: `<p>${sentence}</p>`, categories: [] },
      'en',
      ['fr'],
    );
    expect(sent().every((t) => t.length <= 400)).toBe(true);
    expect(result.get('fr')?.content.body).toBe(
      `<p>${expectedTranslation(sentence, en('fr'))}</p>`,
    );
  }, 120_000);
});
