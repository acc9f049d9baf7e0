import { articleSize, INPUT_REFUSAL_FIELDS, type LanguageCode } from '@tidings/core';
import { describe, expect, it } from 'vitest';
import { TranslationInputError } from './errors.ts';
import { DEFAULT_MODEL_MAP, parseModelMap, resolveRoute } from './model-map.ts';
import { dictionaryTranslators } from './translator-test-harness.ts';

/** A translator on the dictionary models with an empty memory of its own, recording batches. */
const make = dictionaryTranslators('translator-input');

describe('Translator on bad input', () => {
  it('returns an empty body as it is and still translates the title', async () => {
    const { translator } = make();
    const result = await translator.translateArticle(
      { title: 'Ukraine', summary: '', body: '', categories: [] },
      'en',
      ['es'],
    );
    expect(result.get('es')?.content).toEqual({
      title: 'Ucrania',
      summary: '',
      body: '',
      categories: [],
    });
  }, 60_000);

  it('sends nothing to the model for a body of only markup', async () => {
    const { translator, sent } = make();
    const body = '<p> </p><hr><p><img src="x.png" alt=""></p><p>2025</p>';
    const result = await translator.translateArticle(
      { title: '', summary: '', body, categories: [] },
      'en',
      ['de'],
    );
    expect(sent()).toEqual([]);
    expect(result.get('de')?.content.body).toBe(body);
  });

  it('refuses an unsupported language code or a target equal to the source', async () => {
    const { translator } = make();
    const content = { title: 'Ukraine', summary: '', body: '', categories: [] };
    await expect(
      translator.translateArticle(content, 'en', ['ru' as LanguageCode]),
    ).rejects.toMatchObject({
      name: 'TranslationInputError',
      code: 'unsupported_language',
    });
    await expect(
      translator.translateArticle(content, 'xx' as LanguageCode, ['es']),
    ).rejects.toThrow(/Unsupported language code "xx"/);
    await expect(translator.translateArticle(content, 'en', ['en'])).rejects.toMatchObject({
      code: 'same_language',
    });
  });

  // What a refusal's sentence names is INPUT_REFUSAL_FIELDS (core), which the locale test holds
  // every language's `failed.input.*` to: each way the translator refuses gives exactly those.
  it('gives, for every refusal code, exactly the fields INPUT_REFUSAL_FIELDS declares', () => {
    const { translator } = make();
    const content = { title: 'Ukraine', summary: '', body: '', categories: [] };
    const large = { ...content, body: `<p>${'Ukraine has joined the JEF. '.repeat(75_000)}</p>` };
    const narrow = parseModelMap(
      { pairs: { 'en-es': 'Xenova/opus-mt-en-es', 'es-en': 'Xenova/opus-mt-es-en' } },
      '<inline>',
      ['en', 'es'],
    );
    const refusals = [
      () => translator.validate({ content, source: 'en', targets: ['ru' as LanguageCode] }),
      () => translator.validate({ content, source: 'en', targets: ['en'] }),
      () => translator.validate({ content: large, source: 'en', targets: ['es'] }),
      () => resolveRoute(DEFAULT_MODEL_MAP, 'de', 'de'),
      () => resolveRoute(narrow, 'de', 'uk'),
    ].map((refuse): TranslationInputError => {
      try {
        refuse();
      } catch (error) {
        if (error instanceof TranslationInputError) return error;
        throw error;
      }
      throw new Error('not refused');
    });
    expect(new Set(refusals.map((e) => e.code))).toEqual(
      new Set(Object.keys(INPUT_REFUSAL_FIELDS)),
    );
    for (const error of refusals) {
      expect(Object.keys(error.fields).sort(), error.code).toEqual(
        [...INPUT_REFUSAL_FIELDS[error.code]].sort(),
      );
    }
  });

  it('refuses a 2 MB paragraph quickly with a clear error', async () => {
    const { translator, sent } = make();
    const body = `<p>${'Ukraine has joined the JEF. '.repeat(75_000)}</p>`;
    const started = Date.now();
    const error = await translator
      .translateArticle({ title: '', summary: '', body, categories: [] }, 'en', ['es'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranslationInputError);
    expect(error).toMatchObject({ code: 'too_large' });
    expect((error as Error).message).toMatch(/limit is 200000/);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(sent()).toEqual([]);
  });

  it('translates an article of exactly its size limit, a paragraph with no sentence end included, by splitting it', async () => {
    const limit = 20_000;
    const { translator } = make({ maxArticleChars: limit });
    const title = 'Ukraine joins the JEF';
    // Words the dictionary model knows, numbered so that no two pieces are the same segment.
    const words: string[] = [];
    let size = title.length + '<p></p>'.length;
    for (let n = 0; size < limit - 20; n++) {
      const word = n % 2 ? 'Ukraine' : String(n);
      words.push(word);
      size += word.length + 1;
    }
    const paragraph = words.join(' ');
    const body = `<p>${paragraph} ${'x'.repeat(limit - title.length - paragraph.length - 8)}</p>`;
    const content = { title, summary: '', body, categories: [] };
    expect(articleSize(content)).toBe(limit);
    const out = (await translator.translateArticle(content, 'en', ['es'])).get('es');
    const text = out?.content.body.replace(/<[^>]*>/g, '') ?? '';
    expect(text.match(/Ucrania/g)?.length).toBe(words.filter((w) => w === 'Ukraine').length);
    expect(text.match(/\d+/g)).toEqual(words.filter((w) => w !== 'Ukraine'));
  }, 120_000);

  it('lets a worker validate each job before batching several', () => {
    const { translator } = make({ maxArticleChars: 10 });
    const content = { title: 'Ukraine joins the JEF', summary: '', body: '', categories: [] };
    expect(() => translator.validate({ content, source: 'en', targets: ['es'] })).toThrow(
      /The article has 21 characters; the limit is 10/,
    );
    expect(() =>
      translator.validate({ content: { ...content, title: 'Hi' }, source: 'en', targets: ['es'] }),
    ).not.toThrow();
  });

  it('fails a job whose model is missing with ModelUnavailableError', async () => {
    const { translator } = make({
      modelMap: parseModelMap({
        ...DEFAULT_MODEL_MAP,
        pairs: { ...DEFAULT_MODEL_MAP.pairs, 'en-es': 'Xenova/opus-mt-en-xx' },
      }),
    });
    await expect(
      translator.translateArticle(
        { title: 'Ukraine', summary: '', body: '', categories: [] },
        'en',
        ['es'],
      ),
    ).rejects.toMatchObject({
      name: 'ModelUnavailableError',
      model: 'Xenova/opus-mt-en-xx',
      unrecoverable: true,
    });
  });
});
