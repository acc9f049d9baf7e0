import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeMarianFiles } from '../marian-files.ts';
import { toFloat16Interface } from '../onnx/float16-interface.ts';
import { writeModel } from '../onnx/write-model.ts';
import { opusDecoder } from './opus-decoder.ts';
import { opusEncoder } from './opus-encoder.ts';
import { OPUS_SHAPE, type OpusVariant } from './opus-shape.ts';
import { opusTokenizerJson } from './opus-tokenizer.ts';

/** The ONNX files of the Opus-MT-sized model, by precision, as Transformers.js names them. */
export const OPUS_FILES: Record<OpusVariant, { encoder: string; decoder: string }> = {
  fp32: { encoder: 'encoder_model.onnx', decoder: 'decoder_model_merged.onnx' },
  int8: { encoder: 'encoder_model_quantized.onnx', decoder: 'decoder_model_merged_quantized.onnx' },
  fp16: { encoder: 'encoder_model_fp16.onnx', decoder: 'decoder_model_merged_fp16.onnx' },
};

/**
 * Writes the Opus-MT-sized en->es model into `dir` (the `Xenova/opus-mt-en-es` folder): JSON
 * files, and encoder and merged decoder in fp32, int8 and fp16 (float16 weights, hidden states,
 * cache and logits, as Xenova ships some pairs). Calls `progress` after each file. `ragged`:
 * the variant whose rows end at a realistic length (fp32 and int8 only).
 */
export async function writeOpusModel(
  dir: string,
  progress: (file: string, bytes: number) => void = () => {},
  options: { ragged?: boolean } = {},
): Promise<void> {
  const { vocabSize, dModel, layers, heads, ffn } = OPUS_SHAPE;
  await writeMarianFiles(
    dir,
    { vocabSize, dModel, layers, heads, ffn, src: 'en', tgt: 'es' },
    opusTokenizerJson(),
  );
  const precisions = options.ragged
    ? (['fp32', 'int8'] as const)
    : (['fp32', 'int8', 'fp16'] as const);
  for (const precision of precisions) {
    const files = OPUS_FILES[precision];
    const weights = precision === 'int8' ? 'int8' : 'fp32';
    const variant = precision === 'fp16' ? toFloat16Interface : <T>(graph: T) => graph;
    const encoderPath = join(dir, 'onnx', files.encoder);
    await writeModel(encoderPath, variant(opusEncoder(weights)));
    progress(files.encoder, (await stat(encoderPath)).size);
    const decoderPath = join(dir, 'onnx', files.decoder);
    await writeModel(decoderPath, variant(opusDecoder(weights, options)));
    progress(files.decoder, (await stat(decoderPath)).size);
  }
}
