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

/**
 * Which Opus-MT-sized model: `opus-sized` (random weights, rarely ends a sentence: runs use a
 * fixed number of new tokens) or `opus-ragged` (each row ends after a length drawn from its
 * source length, `raggedTargetLength`).
 */
export type OpusKind = 'opus-sized' | 'opus-ragged';

/** Where the Opus-MT-sized model lives, generated on first use by `@tidings/test-models`. */
export async function opusModelsDir(
  kind: OpusKind = 'opus-sized',
): Promise<{ modelsDir: string; onnxDir: string }> {
  const models = await ensureTestModels({ kinds: [kind] });
  const modelsDir = kind === 'opus-ragged' ? models.opusRaggedModelsDir : models.opusSizedModelsDir;
  return { modelsDir, onnxDir: join(modelsDir, OPUS_MODEL, 'onnx') };
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
  kind: OpusKind = 'opus-sized',
): Promise<TranslationPipeline> {
  const { modelsDir } = await opusModelsDir(kind);
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
  /**
   * `ModelPool.translate` of one batch, every row writing exactly `newTokens` tokens; without
   * it, each row until its end of sentence (within the translator's own bound).
   */
  translate(texts: readonly string[], newTokens?: number): Promise<string[]>;
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
  kind: OpusKind = 'opus-sized',
): Promise<OpusTranslator> {
  const { modelsDir } = await opusModelsDir(kind);
  const pool = new ModelPool({ modelsDir, dtype, ortThreads: threads, cacheSize: 1 });
  const step = { model: OPUS_MODEL, from: 'en', to: 'es' } as const;
  const translate = (texts: readonly string[], n?: number) =>
    pool.translate(step, texts, n === undefined ? {} : { minNewTokens: n, maxNewTokens: n });
  await translate(['Warm-up.'], 2);
  return { translate, close: () => pool.close() };
}

/** The model's tokenizer. */
export async function opusTokenizer(kind: OpusKind = 'opus-sized'): Promise<PreTrainedTokenizer> {
  const { modelsDir } = await opusModelsDir(kind);
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
