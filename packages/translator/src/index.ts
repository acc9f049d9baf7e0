export { ArticleBatcher, type ArticlesTranslator } from './article-batcher.ts';
export { type ArticlePlan, planArticle, renderArticle } from './article-plan.ts';
export { estimateTokens, planBatches } from './batch-planner.ts';
export {
  Glossary,
  type GlossaryMatch,
  type GlossaryTerm,
  glossarySchema,
  loadGlossary,
  parseGlossary,
} from './glossary.ts';
export { type DecodeRow, GreedyDecoder, type Seq2SeqModel } from './greedy-decoder.ts';
export { LanguageDetectionError } from './language-detection-error.ts';
export {
  type Detection,
  type DetectionOptions,
  detectArticleLanguage,
  detectLanguage,
} from './language-detector.ts';
export {
  DEFAULT_MODEL_MAP,
  loadModelMap,
  type ModelMap,
  modelMapSchema,
  parseModelMap,
} from './model-map.ts';
export {
  type GenerateOptions,
  ModelPool,
  type ModelPoolOptions,
  type PullProgress,
} from './model-pool.ts';
export { modelIds, type RouteStep, resolveRoute } from './model-route.ts';
export { ModelUnavailableError } from './model-unavailable-error.ts';
export {
  decodeLenient,
  decodeSegment,
  type EncodedSegment,
  encodeSegment,
  type LocalAtom,
  type Slot,
} from './placeholder-codec.ts';
export { checkTranslation } from './quality-gate.ts';
export type {
  BatchEvent,
  SegmentInput,
  SegmentOutput,
  TranslatorStats,
} from './segment-translator.ts';
export { splitSentences, type TextRange } from './sentence-splitter.ts';
export { TranslationInputError } from './translation-input-error.ts';
export { type MemoryKey, type MemoryOptions, TranslationMemory } from './translation-memory.ts';
export {
  type ArticleJob,
  type TargetTranslation,
  type TranslateOptions,
  type TranslationProgress,
  Translator,
  type TranslatorOptions,
} from './translator.ts';
export { TranslatorConfigError } from './translator-config-error.ts';
