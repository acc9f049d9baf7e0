import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTestModels } from '@tidings/test-models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelPrefixError } from './errors.ts';
import { vocabularyOf } from './model-files.ts';
import { DEFAULT_MODEL_MAP, parseModelMap } from './model-map.ts';
import { Translator } from './translator.ts';

const MODEL = 'Xenova/opus-mt-en-fr';
let dictionaryDir: string;
let scratch: string;
const translators: Translator[] = [];

beforeAll(async () => {
  dictionaryDir = (await ensureTestModels({ kinds: ['dictionary'] })).dictionaryModelsDir;
  scratch = await mkdtemp(join(tmpdir(), 'tidings-prefix-'));
}, 120_000);

afterAll(async () => {
  await Promise.all(translators.map((t) => t.close()));
  await rm(scratch, { recursive: true, force: true });
});

const map = parseModelMap({
  ...DEFAULT_MODEL_MAP,
  pairs: { ...DEFAULT_MODEL_MAP.pairs, 'en-fr': { model: MODEL, prefix: '>>fr<<' } },
});
const article = { title: 'Ukraine', summary: '', body: '<p>The minister.</p>', categories: [] };

describe('a target-language prefix in the model map', () => {
  it('is refused, naming the model and the prefix, when the model has no such token', async () => {
    const translator = new Translator({ modelsDir: dictionaryDir, modelMap: map, ortThreads: 1 });
    translators.push(translator);
    const error = await translator.translateArticle(article, 'en', ['fr']).catch((e) => e);
    expect(error).toBeInstanceOf(ModelPrefixError);
    expect(error).toMatchObject({ model: MODEL, prefix: '>>fr<<', unrecoverable: true });
    expect(String(error.message)).toMatch(/no token >>fr<< in its vocabulary.*MODEL_MAP/);
  }, 60_000);

  it('is used when the vocabulary has it', async () => {
    // The same model with >>fr<< as a token of its own, as a multi-target Opus-MT model has.
    await cp(join(dictionaryDir, MODEL), join(scratch, MODEL), { recursive: true });
    const file = join(scratch, MODEL, 'tokenizer.json');
    const json = JSON.parse(await readFile(file, 'utf8'));
    // The vocabulary is a Unigram one, [piece, score] by id: an unused piece becomes >>fr<<.
    const vocab = json.model.vocab as [string, number][];
    const id = vocab.length - 2;
    expect(vocab[id]?.[0]).toMatch(/^<unused\d+>$/);
    vocab[id] = ['>>fr<<', 0];
    expect(vocabularyOf({ model: json.model }).has('>>fr<<')).toBe(true);
    json.added_tokens.push({
      id,
      content: '>>fr<<',
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    });
    await writeFile(file, JSON.stringify(json));
    expect(vocabularyOf(json).has('>>fr<<')).toBe(true);
    const translator = new Translator({ modelsDir: scratch, modelMap: map, ortThreads: 1 });
    translators.push(translator);
    const result = (await translator.translateArticle(article, 'en', ['fr'])).get('fr');
    expect(result?.content.body).toBe('<p>Le ministre.</p>');
  }, 60_000);
});
