import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MODEL_MAP, modelFiles, parseModelMap } from '@tidings/translator';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectModel, neededModels, parseDirection } from './model-inventory.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('neededModels', () => {
  it('needs the 19 Opus-MT models of the built-in map for the 30 directions', () => {
    const models = neededModels(DEFAULT_MODEL_MAP);
    expect(models).toHaveLength(19);
    const ids = models.map((m) => m.id);
    expect(ids).toContain('Xenova/opus-mt-it-fr');
    expect(ids).not.toContain('Xenova/opus-mt-fr-it');
    expect(models.find((m) => m.id === 'Xenova/opus-mt-en-uk')?.directions).toEqual([
      'de-uk',
      'en-uk',
      'es-uk',
      'fr-uk',
      'it-uk',
    ]);
  });

  it('needs both halves of a direction that pivots through English', () => {
    expect(neededModels(DEFAULT_MODEL_MAP, ['es-uk']).map((m) => m.id)).toEqual([
      'Xenova/opus-mt-en-uk',
      'Xenova/opus-mt-es-en',
    ]);
  });

  it('needs only the models between the LANGUAGES served, and refuses a direction outside them', () => {
    const models = neededModels(DEFAULT_MODEL_MAP, [], ['en', 'uk']);
    expect(models.map((m) => [m.id, m.directions])).toEqual([
      ['Xenova/opus-mt-en-uk', ['en-uk']],
      ['Xenova/opus-mt-uk-en', ['uk-en']],
    ]);
    expect(() => neededModels(DEFAULT_MODEL_MAP, ['en-de'], ['en', 'uk'])).toThrow(
      'en-de: this instance serves only en, uk (LANGUAGES)',
    );
  });

  it('needs one model for a multilingual map', () => {
    const codes = {
      en: 'eng_Latn',
      es: 'spa_Latn',
      de: 'deu_Latn',
      fr: 'fra_Latn',
      it: 'ita_Latn',
      uk: 'ukr_Cyrl',
    };
    const map = parseModelMap({ multilingual: { model: 'Xenova/nllb-200-distilled-600M', codes } });
    expect(neededModels(map).map((m) => m.id)).toEqual(['Xenova/nllb-200-distilled-600M']);
  });

  it('refuses a direction that is not two different language codes', () => {
    expect(() => parseDirection('en-en')).toThrow(/is not a direction/);
    expect(() => parseDirection('en-ru')).toThrow(/is not a direction/);
    expect(parseDirection('EN-UK')).toEqual(['en', 'uk']);
  });
});

describe('inspectModel', () => {
  it('tells a present model from an incomplete or a missing one, with its size', async () => {
    const modelsDir = await mkdtemp(join(tmpdir(), 'tidings-cli-models-'));
    dirs.push(modelsDir);
    const model = { id: 'Xenova/opus-mt-en-es', directions: ['en-es'] };
    expect((await inspectModel(modelsDir, model)).state).toBe('missing');

    const dir = join(modelsDir, model.id);
    await mkdir(join(dir, 'onnx'), { recursive: true });
    await writeFile(join(dir, 'config.json'), '{}');
    const incomplete = await inspectModel(modelsDir, model);
    expect(incomplete.state).toBe('incomplete');
    expect(incomplete.missingFiles).toContain('onnx/encoder_model.onnx');

    for (const file of modelFiles()) await writeFile(join(dir, file), 'xx');
    const present = await inspectModel(modelsDir, model);
    expect(present.state).toBe('present');
    expect(present.bytes).toBe(2 + 4 * 2);
    expect((await inspectModel(modelsDir, model, 'q8')).missingFiles).toEqual([
      'onnx/encoder_model_quantized.onnx',
      'onnx/decoder_model_merged_quantized.onnx',
    ]);
  });
});

describe('inspectModel with a multi-target model', () => {
  it('names the prefixes of the map that the model vocabulary lacks, and calls the model wrong-prefix, not present', async () => {
    const modelsDir = await mkdtemp(join(tmpdir(), 'tidings-cli-prefix-'));
    dirs.push(modelsDir);
    const map = parseModelMap({
      ...DEFAULT_MODEL_MAP,
      pairs: {
        ...DEFAULT_MODEL_MAP.pairs,
        'en-fr': { model: 'Helsinki-NLP/opus-mt-en-ROMANCE', prefix: '>>fr<<' },
        'en-it': { model: 'Helsinki-NLP/opus-mt-en-ROMANCE', prefix: '>>it<<' },
      },
    });
    const model = neededModels(map).find((m) => m.id === 'Helsinki-NLP/opus-mt-en-ROMANCE');
    expect(model?.prefixes).toEqual(['>>fr<<', '>>it<<']);
    const dir = join(modelsDir, 'Helsinki-NLP/opus-mt-en-ROMANCE');
    await mkdir(join(dir, 'onnx'), { recursive: true });
    for (const file of modelFiles()) await writeFile(join(dir, file), 'xx');
    const vocab = [
      ['<pad>', 0],
      ['>>fra<<', 0],
      ['>>it<<', 0],
    ];
    await writeFile(
      join(dir, 'tokenizer.json'),
      JSON.stringify({ model: { type: 'Unigram', vocab } }),
    );
    const found = await inspectModel(modelsDir, model ?? { id: '', directions: [] });
    expect(found.state).toBe('wrong-prefix');
    expect(found.missingPrefixes).toEqual(['>>fr<<']);
  });
});
