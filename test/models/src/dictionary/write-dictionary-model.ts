import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeMarianFiles } from '../marian-files.ts';
import { writeModel } from '../onnx/write-model.ts';
import type { DictionaryBehaviour } from './dictionary-behaviour.ts';
import { dictionaryDecoder, dictionaryEncoder } from './dictionary-graphs.ts';
import { dictionaryVocabulary } from './dictionary-tokenizer.ts';
import type { Direction } from './languages.ts';

/**
 * Writes the dictionary model of one direction into `dir` (the `Xenova/opus-mt-{src}-{tgt}`
 * folder): Marian JSON files, `onnx/encoder_model.onnx` and `onnx/decoder_model_merged.onnx`,
 * and the same graphs as `*_quantized.onnx` (they hold no weights to quantize), so that code
 * loading with `dtype: 'q8'` finds them too. An unruly `behaviour` writes a model that fails
 * as real ones do (see `UNRULY_BEHAVIOURS`).
 */
export async function writeDictionaryModel(
  dir: string,
  direction: Direction,
  behaviour: DictionaryBehaviour = 'faithful',
): Promise<void> {
  const vocabulary = dictionaryVocabulary(
    direction,
    behaviour === 'unknown-characters' ? 'real' : 'covered',
  );
  const vocabSize = vocabulary.tokens.length;
  await writeMarianFiles(
    dir,
    { vocabSize, dModel: 1, layers: 1, heads: 1, ffn: 1, ...direction },
    vocabulary.tokenizerJson,
  );
  const onnx = (name: string) => join(dir, 'onnx', `${name}.onnx`);
  await writeModel(
    onnx('encoder_model'),
    dictionaryEncoder(vocabulary.tokens, vocabulary.translation, behaviour),
  );
  await writeModel(onnx('decoder_model_merged'), dictionaryDecoder(vocabulary.tokens, behaviour));
  await copyFile(onnx('encoder_model'), onnx('encoder_model_quantized'));
  await copyFile(onnx('decoder_model_merged'), onnx('decoder_model_merged_quantized'));
}
