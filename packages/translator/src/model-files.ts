// A translation model's directory: the files Transformers.js needs in it for a weight type, and
// the tokens its tokenizer.json holds (which target-language prefixes it knows).
import { join } from 'node:path';

/** Transformers.js's file-name suffix of each weight type (`decoder_model_merged_quantized.onnx`). */
const DTYPE_SUFFIX = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  int8: '_int8',
  uint8: '_uint8',
  q4: '_q4',
} as const;

/** Which weights a model is loaded with (MODEL_DTYPE). */
export type ModelDtype = keyof typeof DTYPE_SUFFIX;

/**
 * The files Transformers.js needs in a translation model's directory to load it with the given
 * weights (MODEL_DTYPE), relative to the directory; the merged decoder last.
 *
 * @example
 * modelFiles('q8'); // [..., 'onnx/encoder_model_quantized.onnx', 'onnx/decoder_model_merged_quantized.onnx']
 */
export function modelFiles(dtype: ModelDtype = 'fp32'): string[] {
  const suffix = DTYPE_SUFFIX[dtype];
  return [
    'config.json',
    'tokenizer.json',
    'tokenizer_config.json',
    `onnx/encoder_model${suffix}.onnx`,
    `onnx/decoder_model_merged${suffix}.onnx`,
  ];
}

/**
 * The merged decoder file Transformers.js loads for a model directory and weights.
 *
 * @example
 * decoderFile('/srv/models/Xenova/opus-mt-en-de', 'q8');
 * // '/srv/models/Xenova/opus-mt-en-de/onnx/decoder_model_merged_quantized.onnx'
 */
export function decoderFile(modelDir: string, dtype: ModelDtype): string {
  return join(modelDir, modelFiles(dtype).at(-1) as string);
}

/**
 * The target-language tokens (`>>fra<<`) among a vocabulary's tokens, sorted.
 *
 * @example
 * languageTokens(['>>fra<<', 'hello', '>>deu<<', '>>x<<']); // ['>>deu<<', '>>fra<<']
 */
export function languageTokens(tokens: Iterable<string>): string[] {
  return [...tokens].filter((t) => /^>>[A-Za-z_]{2,12}<<$/.test(t)).sort();
}

/**
 * The tokens of a `tokenizer.json` object, whatever its model (WordLevel and BPE keep a
 * `vocab` object, Unigram an array of `[piece, score]`), added tokens included.
 *
 * @example
 * vocabularyOf(JSON.parse(readFileSync('tokenizer.json', 'utf8'))).has('>>fr<<');
 */
export function vocabularyOf(tokenizerJson: unknown): Set<string> {
  const json = tokenizerJson as {
    model?: { vocab?: Record<string, number> | [string, number][] };
    added_tokens?: { content?: string }[];
  };
  const vocab = json.model?.vocab;
  const tokens = new Set<string>(
    Array.isArray(vocab) ? vocab.map((entry) => entry[0]) : Object.keys(vocab ?? {}),
  );
  for (const added of json.added_tokens ?? []) if (added.content) tokens.add(added.content);
  return tokens;
}
