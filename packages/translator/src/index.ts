export { ArticleBatcher, type ArticlesTranslator } from './article-batcher.ts';
export { planArticle } from './article-plan.ts';
export type { TargetTranslation } from './assemble-target.ts';
export { planBatches } from './batch-planner.ts';
export { chrF } from './chrf.ts';
export {
  ModelPrefixError,
  ModelUnavailableError,
  TranslationInputError,
  TranslatorConfigError,
} from './errors.ts';
export { EVAL_SET_PATH, type EvalSentence, type EvalSet, loadEvalSet } from './eval-set.ts';
export {
  type DirectionScore,
  type EvaluateOptions,
  evaluateTranslator,
} from './evaluate-translator.ts';
// The glossary, memory, alignment and review reasons: the light entry, without the model runtime.
export * from './light.ts';
export { type ModelDtype, modelFiles, vocabularyOf } from './model-files.ts';
export {
  DEFAULT_MODEL_MAP,
  DEMO_MODEL_MAP,
  loadModelMap,
  type ModelMap,
  parseModelMap,
  type RouteStep,
  resolveRoute,
} from './model-map.ts';
export { ModelPool, type ModelPoolOptions, type PullProgress } from './model-pool.ts';
export type { MarkupRepair, RepairHow } from './placeholder-repair.ts';
export { type PreloadPlan, preloadPlan, servedDirections } from './preload-plan.ts';
export type { BatchEvent, TranslatorStats } from './segment-translator.ts';
export { splitSentences } from './sentence-splitter.ts';
export { type Survival, survivalCheck } from './survival-check.ts';
export {
  type ArticleJob,
  type PreloadEvent,
  type TranslateOptions,
  type TranslationProgress,
  Translator,
  type TranslatorOptions,
} from './translator.ts';
