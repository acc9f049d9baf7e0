export {
  type ArticleContent,
  type ArticleImage,
  type ArticleSubmissionInput,
  articleContentSchema,
  articleSize,
  articleSubmissionSchema,
  DEFAULT_MAX_ARTICLE_CHARS,
  TRANSLATION_STATUSES,
  type TranslationEditInput,
  type TranslationStatus,
  translationEditSchema,
} from './article.ts';
export { bodyBlocks, type SourceChangeEntry, sourceChanges } from './block-diff.ts';
export { bodyBlockHtml } from './body-block-html.ts';
export { type Config, ConfigError, loadConfigOrExit, parseConfig } from './config.ts';
export {
  CONFIG_VARIABLES,
  type ConfigVariable,
  type ConfigVariableName,
} from './config-variables.ts';
export { flattenDeepMarkup, MAX_MARKUP_DEPTH } from './flatten-deep-markup.ts';
export type { Language, LanguageCode } from './languages.ts';
export {
  isLanguageCode,
  LANGUAGE_CODES,
  LANGUAGES,
  languageName,
  languageOf,
  targetsOf,
} from './languages.ts';
export { createLogger, type Logger } from './logger.ts';
export {
  FAILURE_CODES,
  type FailureReasonData,
  failureReasonSchema,
  INPUT_REFUSAL_FIELDS,
  INPUT_REFUSALS,
  MARKUP_ELEMENTS,
  type MarkupElement,
  RETRY_SKIP_CODES,
  type RetrySkipData,
  type ReviewReasonData,
  retrySkipSchema,
  reviewReasonSchema,
} from './reason-schemas.ts';
export {
  cleanArticleContent,
  cleanText,
  type SanitizeOptions,
  sanitizeArticleHtml,
} from './sanitize-html.ts';
export {
  countOrigins,
  type OriginCounts,
  SEGMENT_ORIGINS,
  type SegmentOrigin,
  type SegmentOrigins,
  type SegmentSource,
  segmentOriginsSchema,
} from './segment-origins.ts';
export { onShutdown } from './shutdown.ts';
export {
  DEFAULT_SITE_SETTINGS,
  type LocalizedText,
  resolveSiteSettings,
  type SiteSettings,
  type SiteSettingsInput,
  siteConfigFileSchema,
} from './site-settings.ts';
export { exitWithMessage, listenFailure } from './start-failure.ts';
export { storableText } from './storable-text.ts';
export { textExcerpt } from './text-excerpt.ts';
export {
  doTextWork,
  keepTextWork,
  largeTextWorkDone,
  type TextWork,
  textWorkPending,
} from './text-work.ts';
export {
  DEMO_MODEL_OWNER,
  isDemoModel,
  PROVENANCE_KINDS,
  type ProvenanceInput,
  type ProvenanceKind,
  provenanceOf,
  type VersionProvenance,
} from './version-provenance.ts';
