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
  // ModelPool points Transformers.js's file cache at its own modelsDir, where the dictionary
  // models use the same id: looked up first, it would serve them instead.
  env.cacheDir = modelsDir;
  return pipeline('translation', OPUS_MODEL, {
    dtype,
    device: 'cpu',
    session_options: { intraOpNumThreads: threads, interOpNumThreads: 1 },
  });
}

/** The model's tokenizer. */
export async function opusTokenizer(): Promise<PreTrainedTokenizer> {
  const { modelsDir } = await opusModelsDir();
  env.localModelPath = `${modelsDir}/`;
  env.cacheDir = modelsDir;
  env.allowRemoteModels = false;
  return AutoTokenizer.from_pretrained(OPUS_MODEL);
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
