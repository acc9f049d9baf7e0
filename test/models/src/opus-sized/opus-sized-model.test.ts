import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AutoModelForSeq2SeqLM,
  AutoTokenizer,
  env,
  LogLevel,
  type PreTrainedModel,
  pipeline,
  type TranslationPipeline,
} from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureTestModels } from '../ensure-test-models.ts';
import { ModelProto } from '../onnx/onnx-proto.ts';
import { SEED_SENTENCES } from '../test-sentences.ts';
import { OPUS_SHAPE } from './opus-shape.ts';

const MODEL = 'Xenova/opus-mt-en-es';
const SESSION = { session_options: { intraOpNumThreads: 2, interOpNumThreads: 1 } } as const;
let modelDir = '';

interface FeedTensor {
  dims: readonly number[];
  data: ArrayLike<unknown>;
}
interface RecordedStep {
  inputIds: number[];
  pastDecoder: number[];
  pastEncoder: number[];
  useCache: boolean;
}

/** Records what the decoder session is fed at each step (the session itself runs as usual). */
function recordDecoderFeeds(model: PreTrainedModel): RecordedStep[] {
  const steps: RecordedStep[] = [];
  const sessions = (model as unknown as { sessions: Record<string, unknown> }).sessions;
  const session = sessions.decoder_model_merged as {
    run: (feeds: Record<string, FeedTensor>, ...rest: unknown[]) => Promise<unknown>;
  };
  const run = session.run.bind(session);
  session.run = (feeds, ...rest) => {
    const dims = (name: string) => [...(feeds[name]?.dims ?? [])];
    steps.push({
      inputIds: dims('input_ids'),
      pastDecoder: dims('past_key_values.0.decoder.key'),
      pastEncoder: dims('past_key_values.5.encoder.value'),
      useCache: Boolean(feeds.use_cache_branch?.data[0]),
    });
    return run(feeds, ...rest);
  };
  return steps;
}

beforeAll(async () => {
  const { opusSizedModelsDir } = await ensureTestModels({ kinds: ['opus-sized'] });
  modelDir = join(opusSizedModelsDir, MODEL);
  env.allowRemoteModels = false;
  env.logLevel = LogLevel.ERROR;
  env.localModelPath = `${opusSizedModelsDir}/`;
}, 300_000);

describe('the Opus-MT-sized tokenizer', () => {
  it('has 58,101 tokens and splits English into about one token per word', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained(MODEL);
    expect(tokenizer.get_vocab().size).toBe(OPUS_SHAPE.vocabSize);
    const text = SEED_SENTENCES.join(' ');
    const words = text.split(/\s+/).length;
    const tokens = tokenizer.tokenize(text).length;
    expect(tokens).toBeGreaterThanOrEqual(words);
    expect(tokens).toBeLessThan(words * 1.6);
  });
});

describe.each(['fp32', 'q8'] as const)('the Opus-MT-sized model in %s', (dtype) => {
  it('generates exactly N tokens per row, feeding the decoder one token and a growing cache', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained(MODEL);
    const model = await AutoModelForSeq2SeqLM.from_pretrained(MODEL, { ...SESSION, dtype });
    const steps = recordDecoderFeeds(model);
    const n = 12;
    const inputs = tokenizer(SEED_SENTENCES.slice(0, 3) as string[], { padding: true });
    const sourceLength = (inputs.input_ids as { dims: number[] }).dims[1];
    const output = (await model.generate({
      ...inputs,
      max_new_tokens: n,
      min_new_tokens: n,
    })) as unknown as { dims: number[] };
    expect(output.dims).toEqual([3, n + 1]);
    expect(steps).toHaveLength(n);
    steps.forEach((step, i) => {
      expect(step.inputIds).toEqual([3, 1]);
      expect(step.pastDecoder).toEqual([3, OPUS_SHAPE.heads, i, OPUS_SHAPE.headDim]);
      expect(step.useCache).toBe(i > 0);
      expect(step.pastEncoder).toEqual([3, OPUS_SHAPE.heads, i === 0 ? 0 : sourceLength, 64]);
    });
    await model.dispose();
  }, 120_000);
});

describe('the Opus-MT-sized files', () => {
  it('quantize every weight product as ONNX Runtime dynamic quantization does, with int8 weights', async () => {
    const bytes = await readFile(join(modelDir, 'onnx', 'decoder_model_merged_quantized.onnx'));
    const model = ModelProto.toObject(ModelProto.decode(bytes), { longs: Number }) as {
      graph: { node: { opType: string }[]; initializer: { name: string; dataType: number }[] };
    };
    const count = (op: string) => model.graph.node.filter((n) => n.opType === op).length;
    // Self-attention q/k/v/out and fc1/fc2 of 6 layers, cross-attention q/out, the output head;
    // cross-attention k/v are inside the If's first-step branch.
    expect(count('MatMulInteger')).toBe(6 * 8 + 1);
    expect(count('DynamicQuantizeLinear')).toBeGreaterThan(0);
    expect(count('If')).toBe(1);
    const int8 = model.graph.initializer.filter((t) => t.name.endsWith('weight_quantized'));
    expect(int8.every((t) => t.dataType === 3)).toBe(true);
    expect(int8.length).toBe(6 * 10 + 1);
  });

  it('translate through the stock pipeline', async () => {
    const translate = (await pipeline('translation', MODEL, {
      ...SESSION,
      dtype: 'q8',
    })) as TranslationPipeline;
    const out = (await translate(['Hello world.', 'Ukraine'], {
      max_new_tokens: 5,
      min_new_tokens: 5,
    })) as { translation_text: string }[];
    expect(out).toHaveLength(2);
    for (const row of out) expect(typeof row.translation_text).toBe('string');
  }, 120_000);
});
