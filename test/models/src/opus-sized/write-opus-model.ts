import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeMarianFiles } from '../marian-files.ts';
import { writeModel } from '../onnx/write-model.ts';
import { opusDecoder } from './opus-decoder.ts';
import { opusEncoder } from './opus-encoder.ts';
import { OPUS_SHAPE, type Precision } from './opus-shape.ts';
import { opusTokenizerJson } from './opus-tokenizer.ts';

/** The ONNX files of the Opus-MT-sized model, by precision, as Transformers.js names them. */
export const OPUS_FILES: Record<Precision, { encoder: string; decoder: string }> = {
  fp32: { encoder: 'encoder_model.onnx', decoder: 'decoder_model_merged.onnx' },
  int8: { encoder: 'encoder_model_quantized.onnx', decoder: 'decoder_model_merged_quantized.onnx' },
};

/**
 * Writes the Opus-MT-sized en->es model into `dir` (the `Xenova/opus-mt-en-es` folder): JSON
 * files, and encoder and merged decoder in fp32 and int8. Calls `progress` after each file.
 */
export async function writeOpusModel(
  dir: string,
  progress: (file: string, bytes: number) => void = () => {},
): Promise<void> {
  const { vocabSize, dModel, layers, heads, ffn } = OPUS_SHAPE;
  await writeMarianFiles(
    dir,
    { vocabSize, dModel, layers, heads, ffn, src: 'en', tgt: 'es' },
    opusTokenizerJson(),
  );
  for (const precision of ['fp32', 'int8'] as const) {
    const files = OPUS_FILES[precision];
    const encoderPath = join(dir, 'onnx', files.encoder);
    await writeModel(encoderPath, opusEncoder(precision));
    progress(files.encoder, (await stat(encoderPath)).size);
    const decoderPath = join(dir, 'onnx', files.decoder);
    await writeModel(decoderPath, opusDecoder(precision));
    progress(files.decoder, (await stat(decoderPath)).size);
  }
}
