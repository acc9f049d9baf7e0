import { readdir, readFile, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { env, pipeline } from '@huggingface/transformers';
import { ensureTestModels } from '@tidings/test-models';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DecodeRow, GreedyDecoder, type Seq2SeqModel } from './greedy-decoder.ts';
import { deriveTopK, useTopKDecoder } from './logits-top-k.ts';
import { decoderFile } from './model-files.ts';

let dirs: Awaited<ReturnType<typeof ensureTestModels>>;
const MODEL = 'Xenova/opus-mt-en-es';

beforeAll(async () => {
  dirs = await ensureTestModels({ kinds: ['dictionary', 'opus-sized', 'opus-ragged'] });
}, 600_000);

const SENTENCES = [
  'Ukraine',
  'the minister said that Ukraine will win',
  'Hello.',
  'the president of the European Commission met the minister in Brussels on Monday',
  'the war',
  'Odesa and Kharkiv',
];

interface Runs {
  /** Rows left free. */
  free: number[][];
  /** Rows whose first free token is banned, that may not end before 10 tokens, no repeats. */
  held: number[][];
}

/** Greedy ids on the model's own session, then on the one derived with a top-k of `k`. */
async function bothWays(
  modelsDir: string,
  dtype: 'fp32' | 'q8' | 'fp16',
  k: number,
): Promise<{ plain: Runs; native: Runs }> {
  env.localModelPath = modelsDir;
  env.cacheDir = modelsDir;
  env.allowRemoteModels = false;
  const loaded = await pipeline('translation', MODEL, { dtype, device: 'cpu' });
  try {
    const model = loaded.model as unknown as Seq2SeqModel;
    const sources = SENTENCES.map((text) => loaded.tokenizer.encode(text));
    const free: DecodeRow[] = sources.map((ids) => ({ ids, maxNewTokens: 12 }));
    const held: DecodeRow[] = sources.map((ids) => ({ ids, minNewTokens: 10, maxNewTokens: 12 }));
    const run = async (expectNative: boolean, ban: number[]): Promise<Runs> => {
      const decoder = GreedyDecoder.for(model) as GreedyDecoder;
      expect(decoder.native).toBe(expectNative);
      const config = model.generation_config ?? {};
      const bad = [...((config.bad_words_ids ?? []) as number[][]), ...ban.map((t) => [t])];
      const banning = GreedyDecoder.for({
        ...model,
        generation_config: { ...config, bad_words_ids: bad },
      }) as GreedyDecoder;
      return { free: await decoder.generate(free), held: await banning.generate(held, 2) };
    };
    const firstFree = (await (GreedyDecoder.for(model) as GreedyDecoder).generate(free)).map(
      (row) => row[0] as number,
    );
    const plain = await run(false, firstFree);
    const file = decoderFile(join(modelsDir, MODEL), dtype);
    expect(await useTopKDecoder(model, file, { intraOpNumThreads: 1 }, k)).toBe(true);
    return { plain, native: await run(true, firstFree) };
  } finally {
    await loaded.dispose();
  }
}

describe('the decoder derived with a top-k after logits', () => {
  const variants = [
    ['dictionary', 'fp32'],
    ['opus-sized', 'fp32'],
    ['opus-sized', 'q8'],
    ['opus-sized', 'fp16'],
    ['opus-ragged', 'fp32'],
  ] as const;
  const dirOf = (kind: (typeof variants)[number][0]) =>
    kind === 'dictionary'
      ? dirs.dictionaryModelsDir
      : kind === 'opus-sized'
        ? dirs.opusSizedModelsDir
        : dirs.opusRaggedModelsDir;

  it.each(variants)(
    'writes the same ids as the full logits on %s %s',
    async (kind, dtype) => {
      // k = 1 leaves a row whose best token is banned only the full-logits fallback.
      for (const k of [8, 1]) {
        const { plain, native } = await bothWays(dirOf(kind), dtype, k);
        expect(native, `k = ${k}`).toEqual(plain);
        // The bans are real: every held row starts otherwise than when free.
        for (const [r, row] of plain.held.entries()) expect(row[0]).not.toBe(plain.free[r]?.[0]);
        expect(plain.held.every((row) => row.length >= 10)).toBe(true);
      }
    },
    600_000,
  );

  it('caches the derived file beside the model, keyed by size and mtime, and replaces it when the model changes', async () => {
    const source = decoderFile(join(dirs.dictionaryModelsDir, 'Xenova/opus-mt-de-en'), 'fp32');
    const dir = join(source as string, '..');
    const derived = async () =>
      (await readdir(dir)).filter((n) => n.startsWith('.decoder_model_merged.topk'));
    const model = { sessions: { decoder_model_merged: await loadSession(source as string) } };
    expect(await useTopKDecoder(model, source as string, {}, 4)).toBe(true);
    const [first = ''] = await derived();
    const written = (await stat(join(dir, first))).mtimeMs;
    expect(await useTopKDecoder(model, source as string, {}, 4)).toBe(true);
    expect(await derived()).toEqual([first]);
    expect((await stat(join(dir, first))).mtimeMs).toBe(written);
    const later = new Date(Date.now() + 60_000);
    await utimes(source as string, later, later);
    expect(await useTopKDecoder(model, source as string, {}, 4)).toBe(true);
    const now = await derived();
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(first);
    await model.sessions.decoder_model_merged.release();
  }, 120_000);

  it('does not apply to a model without a float logits output', async () => {
    const source = decoderFile(join(dirs.dictionaryModelsDir, MODEL), 'fp32');
    const bytes = await readFile(source);
    expect(deriveTopK(bytes, 4)).toBeInstanceOf(Uint8Array);
    // A derived model already has the outputs: deriving again is refused.
    expect(deriveTopK(deriveTopK(bytes, 4) as Uint8Array, 4)).toBeUndefined();
    const encoder = await readFile(join(source, '..', 'encoder_model.onnx'));
    expect(deriveTopK(encoder, 4)).toBeUndefined();
  });
});

async function loadSession(file: string) {
  const ort = await import('onnxruntime-node');
  return ort.InferenceSession.create(file);
}
