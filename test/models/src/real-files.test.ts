import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureTestModels, type TestModels } from './ensure-test-models.ts';
import { OPUS_SHAPE } from './opus-sized/opus-shape.ts';
import { OPUS_FILES } from './opus-sized/write-opus-model.ts';

// What the real conversions (optimum's Marian export, Xenova/opus-mt-*) have and the test
// models must have too, read from the files as Transformers.js and ONNX Runtime read them.
let models: TestModels;

beforeAll(async () => {
  models = await ensureTestModels({ kinds: ['dictionary', 'opus-sized', 'unruly'] });
}, 300_000);

const json = async (dir: string, file: string) =>
  JSON.parse(await readFile(join(dir, file), 'utf8')) as Record<string, unknown>;

describe('the files of every test model, as a real Marian conversion has them', () => {
  const cases = () => [
    {
      name: 'dictionary en-es',
      dir: join(models.dictionaryModelsDir, 'Xenova/opus-mt-en-es'),
      size: 65_001,
    },
    {
      name: 'dictionary es-en',
      dir: join(models.dictionaryModelsDir, 'Xenova/opus-mt-es-en'),
      size: 65_001,
    },
    {
      name: 'dictionary en-de',
      dir: join(models.dictionaryModelsDir, 'Xenova/opus-mt-en-de'),
      size: 58_101,
    },
    {
      name: 'dictionary en-it',
      dir: join(models.dictionaryModelsDir, 'Xenova/opus-mt-en-it'),
      size: 80_035,
    },
    {
      name: 'unruly drop-tags en-es',
      dir: join(models.unrulyModelsDirs['drop-tags'], 'Xenova/opus-mt-en-es'),
      size: 65_001,
    },
    {
      name: 'Opus-MT-sized en-es',
      dir: join(models.opusSizedModelsDir, 'Xenova/opus-mt-en-es'),
      size: OPUS_SHAPE.vocabSize,
    },
  ];

  it('tokenizer.json: Precompiled normalizer, WhitespaceSplit then Metaspace, Unigram with <unk>; real vocabulary sizes, <pad> last', async () => {
    for (const { name, dir, size } of cases()) {
      const tokenizer = await json(dir, 'tokenizer.json');
      expect(tokenizer.normalizer, name).toMatchObject({ type: 'Precompiled' });
      const pre = tokenizer.pre_tokenizer as { type: string; pretokenizers?: { type: string }[] };
      expect(pre.type, name).toBe('Sequence');
      expect(
        pre.pretokenizers?.slice(0, 2).map((p) => p.type),
        name,
      ).toEqual(['WhitespaceSplit', 'Metaspace']);
      const model = tokenizer.model as { type: string; unk_id: number; vocab: [string, number][] };
      expect(model.type, name).toBe('Unigram');
      expect(model.vocab[model.unk_id]?.[0], name).toBe('<unk>');
      expect(model.vocab, name).toHaveLength(size);
      expect(model.vocab.at(-1)?.[0], name).toBe('<pad>');
      const config = await json(dir, 'config.json');
      expect([config.vocab_size, config.pad_token_id, config.decoder_start_token_id], name).toEqual(
        [size, size - 1, size - 1],
      );
      const tokenizerConfig = await json(dir, 'tokenizer_config.json');
      expect(tokenizerConfig.clean_up_tokenization_spaces, name).toBe(true);
    }
  });
});

/** Zero feeds for one step of a merged decoder: batch 1, 3 source tokens, 2 already written. */
function decoderFeeds(
  session: ort.InferenceSession,
  useCache: boolean,
): Record<string, ort.Tensor> {
  const feeds: Record<string, ort.Tensor> = {};
  for (const meta of session.inputMetadata) {
    if (!meta.isTensor) throw new Error(`${meta.name} is not a tensor`);
    const length = meta.name.includes('.decoder.') ? 2 : meta.name === 'input_ids' ? 1 : 3;
    const dims = meta.shape.map((d, i) =>
      typeof d === 'number' && d >= 0 ? d : i === 0 ? 1 : length,
    );
    const size = dims.reduce((a, b) => a * b, 1);
    if (meta.type === 'bool') feeds[meta.name] = new ort.Tensor('bool', [useCache], dims);
    else if (meta.type === 'int64')
      feeds[meta.name] = new ort.Tensor('int64', new BigInt64Array(size).fill(1n), dims);
    else if (meta.type === 'float16')
      feeds[meta.name] = new ort.Tensor('float16', new Uint16Array(size), dims);
    else feeds[meta.name] = new ort.Tensor('float32', new Float32Array(size), dims);
  }
  return feeds;
}

describe('the merged decoders, run on ONNX Runtime', () => {
  const decoders = () => [
    {
      name: 'dictionary en-es',
      file: join(models.dictionaryModelsDir, 'Xenova/opus-mt-en-es/onnx/decoder_model_merged.onnx'),
      float: 'float32',
    },
    {
      name: 'unruly loop en-es',
      file: join(
        models.unrulyModelsDirs.loop,
        'Xenova/opus-mt-en-es/onnx/decoder_model_merged.onnx',
      ),
      float: 'float32',
    },
    ...(['fp32', 'int8', 'fp16'] as const).map((precision) => ({
      name: `Opus-MT-sized ${precision}`,
      file: join(
        models.opusSizedModelsDir,
        'Xenova/opus-mt-en-es/onnx',
        OPUS_FILES[precision].decoder,
      ),
      float: precision === 'fp16' ? 'float16' : 'float32',
    })),
  ];

  it('return present.*.encoder.* empty ([0, heads, 1, head_dim]) on the cache branch, as optimum merges them, and the projections on the first step', async () => {
    for (const { name, file, float } of decoders()) {
      const session = await ort.InferenceSession.create(file, { intraOpNumThreads: 1 });
      try {
        const cross = session.outputNames.filter((n) => /^present\.\d+\.encoder\./.test(n));
        expect(cross.length, name).toBeGreaterThan(0);
        const first = await session.run(decoderFeeds(session, false));
        const cached = await session.run(decoderFeeds(session, true));
        for (const output of cross) {
          expect(first[output]?.dims[0], `${name} ${output}`).toBe(1);
          expect(first[output]?.dims[2], `${name} ${output}`).toBe(3);
          const empty = cached[output]?.dims ?? [];
          expect([empty[0], empty[2]], `${name} ${output}`).toEqual([0, 1]);
          expect(cached[output]?.type, `${name} ${output}`).toBe(float);
        }
        expect(cached.logits?.type, name).toBe(float);
        const past = session.inputMetadata.find((m) => m.name.startsWith('past_key_values.'));
        expect(past?.isTensor && past.type, name).toBe(float);
      } finally {
        await session.release();
      }
    }
  }, 120_000);
});
