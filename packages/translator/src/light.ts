/**
 * What the API needs from the translator without the model runtime: the glossary, the
 * translation memory, the alignment of an editor's correction and the review reasons. The API
 * imports this entry (`@tidings/translator/light`), as it imports `@tidings/translator/detect`,
 * so that it never loads Transformers.js, ONNX Runtime or sharp: through the package's index
 * they cost the API process ~140 MiB of resident memory it never uses.
 */
export {
  type AlignOptions,
  alignCorrection,
  type CorrectionAlignment,
  type SkipReason,
} from './correction-alignment.ts';
export { Glossary, type GlossaryTerm, loadGlossary, parseGlossary } from './glossary.ts';
export { loadModelMap } from './model-map.ts';
export {
  isRepairOnly,
  REVIEW_REASON_CODES,
  type ReviewReason,
  type ReviewReasonCode,
} from './review-reason.ts';
export { type HumanEntry, type MemoryOptions, TranslationMemory } from './translation-memory.ts';
