import { join } from 'node:path';
import {
  AutoTokenizer,
  env,
  LogLevel,
  type PreTrainedTokenizer,
  pipeline,
  type TranslationPipeline,
} from '@huggingface/transformers';
import { ensureTestModels } from '@tidings/test-models';
import { ModelPool } from '@tidings/translator';
import type { TokenBatch } from './ort-greedy.ts';

/** The Opus-MT-sized test model's id. */
export const OPUS_MODEL = 'Xenova/opus-mt-en-es';

/** Where the Opus-MT-sized model lives, generated on first use by `@tidings/test-models`. */
export async function opusModelsDir(): Promise<{ modelsDir: string; onnxDir: string }> {
  const { opusSizedModelsDir } = await ensureTestModels({ kinds: ['opus-sized'] });
  return { modelsDir: opusSizedModelsDir, onnxDir: join(opusSizedModelsDir, OPUS_MODEL, 'onnx') };
}

/**
 * Loads the Transformers.js translation pipeline of the Opus-MT-sized model, as its docs show
 * (`pipeline('translation', id, { dtype })`), with ONNX Runtime's thread count set.
 *
 * @example
 * const translate = await opusPipeline('q8', 2);
 */
export async function opusPipeline(
  dtype: 'fp32' | 'q8',
  threads: number,
): Promise<TranslationPipeline> {
  const { modelsDir } = await opusModelsDir();
  env.allowRemoteModels = false;
  env.logLevel = LogLevel.ERROR;
  env.localModelPath = `${modelsDir}/`;
  // The file cache is looked up first: named per load, so that a dictionary model of the same
  // id loaded earlier in this process is not served instead.
  env.cacheDir = modelsDir;
  return pipeline('translation', OPUS_MODEL, {
    dtype,
    device: 'cpu',
    cache_dir: modelsDir,
    session_options: { intraOpNumThreads: threads, interOpNumThreads: 1 },
  });
}

/** Tidings' model layer on the Opus-MT-sized en→es model, with a fixed output length. */
export interface OpusTranslator {
  /** `ModelPool.translate` of one batch, every row writing exactly `newTokens` tokens. */
  translate(texts: readonly string[], newTokens: number): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * The translator's `ModelPool` (its own greedy loop over the ONNX sessions) on the
 * Opus-MT-sized model, called as the translator calls it, with `minNewTokens = maxNewTokens`.
 *
 * @example
 * const opus = await opusTranslator('q8', 2);
 * await opus.translate(['Hello.'], 16);
 */
export async function opusTranslator(
  dtype: 'fp32' | 'q8',
  threads: number,
): Promise<OpusTranslator> {
  const { modelsDir } = await opusModelsDir();
  const pool = new ModelPool({ modelsDir, dtype, ortThreads: threads, cacheSize: 1 });
  const step = { model: OPUS_MODEL, from: 'en', to: 'es' } as const;
  const translate = (texts: readonly string[], n: number) =>
    pool.translate(step, texts, { minNewTokens: n, maxNewTokens: n });
  await translate(['Warm-up.'], 2);
  return { translate, close: () => pool.close() };
}

/** The model's tokenizer. */
export async function opusTokenizer(): Promise<PreTrainedTokenizer> {
  const { modelsDir } = await opusModelsDir();
  env.localModelPath = `${modelsDir}/`;
  env.cacheDir = modelsDir;
  env.allowRemoteModels = false;
  return AutoTokenizer.from_pretrained(OPUS_MODEL, { cache_dir: modelsDir });
}

/**
 * Tokenizes texts into one padded batch, exactly as the pipeline does before `generate`.
 *
 * @example
 * const batch = tokenize(tokenizer, ['Hello.', 'A longer sentence.']);
 */
export function tokenize(tokenizer: PreTrainedTokenizer, texts: readonly string[]): TokenBatch {
  const encoded = tokenizer([...texts], { padding: true, truncation: true });
  const ids = encoded.input_ids;
  const [rows = 0, length = 0] = ids.dims;
  return {
    ids: ids.data as BigInt64Array,
    mask: encoded.attention_mask.data as BigInt64Array,
    rows,
    length,
  };
}
