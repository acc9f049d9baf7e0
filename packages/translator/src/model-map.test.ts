import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TranslationInputError } from './errors.ts';
import { DEFAULT_MODEL_MAP, loadModelMap, parseModelMap, resolveRoute } from './model-map.ts';

const NLLB = {
  en: 'eng_Latn',
  es: 'spa_Latn',
  de: 'deu_Latn',
  fr: 'fra_Latn',
  it: 'ita_Latn',
  uk: 'ukr_Cyrl',
};

describe('the default model map', () => {
  it('uses a direct Opus-MT model where one exists', () => {
    expect(resolveRoute(DEFAULT_MODEL_MAP, 'en', 'uk')).toEqual([
      { model: 'Xenova/opus-mt-en-uk', from: 'en', to: 'uk' },
    ]);
    expect(resolveRoute(DEFAULT_MODEL_MAP, 'it', 'fr').map((s) => s.model)).toEqual([
      'Xenova/opus-mt-it-fr',
    ]);
  });

  it('pivots through English for every other pair', () => {
    expect(resolveRoute(DEFAULT_MODEL_MAP, 'es', 'uk').map((s) => s.model)).toEqual([
      'Xenova/opus-mt-es-en',
      'Xenova/opus-mt-en-uk',
    ]);
    expect(resolveRoute(DEFAULT_MODEL_MAP, 'fr', 'it').map((s) => `${s.from}-${s.to}`)).toEqual([
      'fr-en',
      'en-it',
    ]);
  });

  it('is valid: every one of the 30 directions has a route', () => {
    expect(() => parseModelMap(DEFAULT_MODEL_MAP)).not.toThrow();
  });

  it('refuses to translate a language into itself', () => {
    expect(() => resolveRoute(DEFAULT_MODEL_MAP, 'en', 'en')).toThrow(TranslationInputError);
  });

  it('names the two languages a map without a route between them lacks', () => {
    // A site that serves English and Spanish only (LANGUAGES=en,es), asked for de -> uk.
    const map = parseModelMap(
      { pairs: { 'en-es': 'Xenova/opus-mt-en-es', 'es-en': 'Xenova/opus-mt-es-en' } },
      '<inline>',
      ['en', 'es'],
    );
    expect(() => resolveRoute(map, 'de', 'uk')).toThrow(
      expect.objectContaining({ code: 'no_route', fields: { from: 'de', to: 'uk' } }),
    );
  });
});

describe('parseModelMap', () => {
  it('serves every pair from one multilingual model with its language codes', () => {
    const map = parseModelMap({
      multilingual: { model: 'Xenova/nllb-200-distilled-600M', codes: NLLB },
    });
    expect(resolveRoute(map, 'uk', 'de')).toEqual([
      {
        model: 'Xenova/nllb-200-distilled-600M',
        from: 'uk',
        to: 'de',
        srcLang: 'ukr_Cyrl',
        tgtLang: 'deu_Latn',
      },
    ]);
  });

  it('prefers a direct pair to the multilingual model and carries a target prefix', () => {
    const map = parseModelMap({
      pairs: { 'en-fr': { model: 'Helsinki/opus-mt-en-ROMANCE', prefix: '>>fr<<' } },
      multilingual: {
        model: 'Xenova/m2m100_418M',
        codes: { en: 'en', es: 'es', de: 'de', fr: 'fr', it: 'it', uk: 'uk' },
      },
    });
    expect(resolveRoute(map, 'en', 'fr')).toEqual([
      { model: 'Helsinki/opus-mt-en-ROMANCE', from: 'en', to: 'fr', prefix: '>>fr<<' },
    ]);
  });

  it('names what is wrong: a bad pair, a bad model id, a missing code, an unroutable direction', () => {
    expect(() => parseModelMap({ pairs: { 'en-en': 'x/y' } })).toThrow(/pairs\.en-en/);
    expect(() => parseModelMap({ pairs: { 'en-ru': 'x/y' } })).toThrow(/en-ru/);
    expect(() => parseModelMap({ pairs: { 'en-es': '../../etc' } })).toThrow(/model id/);
    expect(() =>
      parseModelMap({ multilingual: { model: 'Xenova/nllb', codes: { en: 'eng_Latn' } } }),
    ).toThrow(/multilingual\.codes lacks es, de, fr, it, uk/);
    expect(() => parseModelMap({ pairs: { 'en-es': 'Xenova/opus-mt-en-es' } })).toThrow(
      /no model and no pivot route for en-de/,
    );
  });

  it('reads a JSON file and names it in errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'model-map-'));
    const file = join(dir, 'map.json');
    await writeFile(
      file,
      JSON.stringify({ multilingual: { model: 'Xenova/nllb-200-distilled-600M', codes: NLLB } }),
    );
    expect((await loadModelMap(file)).pivot).toBe('en');
    await writeFile(file, '[');
    await expect(loadModelMap(file)).rejects.toThrow(
      `Invalid translator configuration in ${file}: not JSON`,
    );
    await expect(loadModelMap(join(dir, 'absent.json'))).rejects.toThrow(/cannot read the file/);
  });
});
