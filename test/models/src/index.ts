/**
 * Small real ONNX translation models in the layout Transformers.js loads for Marian
 * (`Xenova/opus-mt-*`), generated on demand for tests and benchmarks.
 */
export type { Concept } from './dictionary/concepts.ts';
export { CONCEPTS } from './dictionary/concepts.ts';
export type { DictionaryBehaviour, UnrulyBehaviour } from './dictionary/dictionary-behaviour.ts';
export { UNRULY_BEHAVIOURS } from './dictionary/dictionary-behaviour.ts';
export { expectedTranslation } from './dictionary/expected-translation.ts';
export type { Direction, Language } from './dictionary/languages.ts';
export { DICTIONARY_DIRECTIONS, LANGUAGES, modelId } from './dictionary/languages.ts';
export { lexicon } from './dictionary/lexicon.ts';
export type { EnsureOptions, ModelKind, ProgressEvent, TestModels } from './ensure-test-models.ts';
export { DEFAULT_CACHE_DIR, ensureTestModels, UNRULY_DIRECTIONS } from './ensure-test-models.ts';
export {
  type Attr,
  type Dim,
  GraphBuilder,
  type GraphMessage,
  type TensorMessage,
} from './onnx/graph-builder.ts';
export { DataType } from './onnx/onnx-proto.ts';
export { tensors } from './onnx/tensors.ts';
export { encodeModel, writeModel } from './onnx/write-model.ts';
export type { OpusVariant, Precision } from './opus-sized/opus-shape.ts';
export { OPUS_SHAPE } from './opus-sized/opus-shape.ts';
export { RAGGED_LENGTH, raggedTargetLength } from './opus-sized/ragged-length.ts';
export { OPUS_FILES } from './opus-sized/write-opus-model.ts';
