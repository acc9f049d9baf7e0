import { env, pipeline, type TranslationPipeline } from '@huggingface/transformers';
import { ensureTestModels } from '@tidings/test-models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GreedyDecoder, type Seq2SeqModel } from './greedy-decoder.ts';
import { ModelPool } from './model-pool.ts';

let dictionaryDir: string;
let opusDir: string;
const pools: ModelPool[] = [];
const step = { model: 'Xenova/opus-mt-en-es', from: 'en', to: 'es' } as const;

beforeAll(async () => {
  const dirs = await ensureTestModels({ kinds: ['dictionary', 'opus-sized'] });
  dictionaryDir = dirs.dictionaryModelsDir;
  opusDir = dirs.opusSizedModelsDir;
}, 300_000);

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

const pool = (
  modelsDir: string,
  decoding: 'greedy' | 'pipeline',
  dtype: 'fp32' | 'q8' | 'fp16' = 'fp32',
) => {
  const made = new ModelPool({ modelsDir, decoding, ortThreads: 1, dtype });
  pools.push(made);
  return made;
};

/** Sentences of very different lengths, so rows of one batch finish far apart. */
const SENTENCES = [
  'Ukraine',
  'the minister said that Ukraine will win',
  'Kyiv is the capital of Ukraine and the minister lives there with the president',
  'Hello.',
  'the president of the European Commission met the minister in Brussels on Monday',
  'the war',
  'Odesa and Kharkiv',
  'The government said on Tuesday that the price of gas will fall in the winter.',
  'the minister',
];

describe('GreedyDecoder', () => {
  it('writes what the Transformers.js pipeline writes, sentence for sentence', async () => {
    const greedy = await pool(dictionaryDir, 'greedy').translate(step, SENTENCES, {});
    const reference = await pool(dictionaryDir, 'pipeline').translate(step, SENTENCES, {});
    expect(greedy).toEqual(reference);
    expect(greedy.slice(0, 2)).toEqual(['Ucrania', 'el ministro said que Ucrania va win']);
  }, 60_000);

  it('keeps the space a model writes before ? and ! (French `Pourquoi ?`), on both paths', async () => {
    // The models' tokenizer_config says clean_up_tokenization_spaces: true, as Opus-MT's do.
    const fr = { model: 'Xenova/opus-mt-en-fr', from: 'en', to: 'fr' } as const;
    for (const decoding of ['greedy', 'pipeline'] as const) {
      const [out] = await pool(dictionaryDir, decoding).translate(fr, ['Why Ukraine ? Now !'], {});
      expect(out, decoding).toBe('Why Ukraine ? Now !');
    }
  }, 60_000);

  // Its merged decoder returns empty present.*.encoder.* on the cache branch, as optimum's does.
  it.each(['fp32', 'q8', 'fp16'] as const)(
    'matches the pipeline on the Opus-MT-sized model in %s, with and without a no-repeat rule',
    async (dtype) => {
      const greedy = pool(opusDir, 'greedy', dtype);
      const reference = pool(opusDir, 'pipeline', dtype);
      for (const options of [{ maxNewTokens: 10 }, { maxNewTokens: 10, noRepeatNgramSize: 2 }]) {
        const ours = await greedy.translate(step, SENTENCES, options);
        expect(ours).toEqual(await reference.translate(step, SENTENCES, options));
        expect(ours.every((text) => text.length > 0)).toBe(true);
      }
    },
    300_000,
  );

  it('runs the float16 files itself: float16 cache and logits, as Xenova ships them', async () => {
    env.localModelPath = opusDir;
    env.allowRemoteModels = false;
    const fp16 = await pipeline('translation', step.model, { dtype: 'fp16', device: 'cpu' });
    try {
      const model = fp16.model as unknown as Seq2SeqModel;
      const session = model.sessions?.decoder_model_merged as {
        inputMetadata: { name: string; type?: string }[];
      };
      const past = session.inputMetadata.find((m) => m.name === 'past_key_values.0.decoder.key');
      expect(past?.type).toBe('float16');
      const decoder = GreedyDecoder.for(model);
      expect(decoder).toBeInstanceOf(GreedyDecoder);
      const ids = fp16.tokenizer.encode('the minister said that Ukraine will win');
      const [out = []] = (await decoder?.generate([{ ids, maxNewTokens: 8 }])) ?? [];
      expect(out).toHaveLength(8);
    } finally {
      await fp16.dispose();
    }
  }, 300_000);

  it('gives a sentence the same translation whatever it is batched with', async () => {
    const greedy = pool(dictionaryDir, 'greedy');
    const together = await greedy.translate(step, SENTENCES, {});
    const alone = [];
    for (const sentence of SENTENCES) alone.push(...(await greedy.translate(step, [sentence], {})));
    expect(together).toEqual(alone);
  });

  describe('on the sessions directly', () => {
    let loaded: TranslationPipeline;
    let decoder: GreedyDecoder;
    beforeAll(async () => {
      env.localModelPath = opusDir;
      env.cacheDir = opusDir;
      env.allowRemoteModels = false;
      loaded = await pipeline('translation', step.model, { dtype: 'fp32', device: 'cpu' });
      decoder = GreedyDecoder.for(loaded.model as unknown as Seq2SeqModel) as GreedyDecoder;
    }, 120_000);
    afterAll(() => loaded?.dispose());

    it('writes exactly the tokens asked for, ending each row with end of sentence', async () => {
      const rows = SENTENCES.slice(0, 4).map((text) => ({
        ids: loaded.tokenizer.encode(text),
        minNewTokens: 6,
        maxNewTokens: 6,
      }));
      const out = await decoder.generate(rows);
      expect(out.map((ids) => ids.length)).toEqual([6, 6, 6, 6]);
      expect(out.map((ids) => ids.at(-1))).toEqual([0, 0, 0, 0]);
      // Padding (the decoder start token) is banned by the model's settings.
      expect(out.flat()).not.toContain(58_100);
    });

    it('bounds each row by its own limit, not by the longest row of the batch', async () => {
      const ids = loaded.tokenizer.encode('the minister said that Ukraine will win');
      const out = await decoder.generate([
        { ids, maxNewTokens: 2 },
        { ids, maxNewTokens: 9 },
        { ids, maxNewTokens: 5 },
      ]);
      expect(out.map((row) => row.length)).toEqual([2, 9, 5]);
      expect(out[1]?.slice(0, 4)).toEqual(out[2]?.slice(0, 4));
    });

    it('never repeats an n-gram when told not to', async () => {
      const ids = loaded.tokenizer.encode('the war');
      const [out = []] = await decoder.generate([{ ids, maxNewTokens: 40, minNewTokens: 39 }], 2);
      const bigrams = out.slice(1).map((token, i) => `${out[i]},${token}`);
      expect(new Set(bigrams).size).toBe(bigrams.length);
    });

    it('stands aside for a model whose settings it cannot apply exactly', () => {
      const model = loaded.model as unknown as Seq2SeqModel;
      expect(GreedyDecoder.for({ sessions: {} })).toBeUndefined();
      for (const setting of [
        { forced_bos_token_id: 5 },
        { repetition_penalty: 1.2 },
        { bad_words_ids: [[5, 6]] },
      ]) {
        const config = { ...model.generation_config, ...setting };
        expect(GreedyDecoder.for({ ...model, generation_config: config })).toBeUndefined();
      }
      expect(GreedyDecoder.for(model)).toBeInstanceOf(GreedyDecoder);
    });
  });
});
