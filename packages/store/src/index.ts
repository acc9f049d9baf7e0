export type { ArticleIndexOptions } from './article-index-repository.ts';
export { Batcher, type BatcherOptions } from './batcher.ts';
export type { Category } from './categories-repository.ts';
export type { StoreLogger } from './database.ts';
export { StoreLockedError } from './directory-lock.ts';
export {
  CONFLICT_FIELDS,
  type ConflictCode,
  ConflictError,
  type ConflictFieldsByCode,
  InvalidCursorError,
  NotFoundError,
} from './errors.ts';
export type { ListOptions } from './listing-repository.ts';
export { MIGRATIONS_DIRECTORY } from './migrate.ts';
export type { CreateArticleInput } from './new-article.ts';
export { openStore, type StoreOptions } from './open-store.ts';
export type { StalledRetry } from './retries-repository.ts';
export type { SitemapArticle, SitemapVersion } from './sitemap-repository.ts';
export { slugify } from './slug.ts';
export { Store } from './store.ts';
export type {
  TranslationFailureInput,
  TranslationResultInput,
} from './translations-repository.ts';
export type {
  ApiKey,
  ApiKeyRole,
  Article,
  ArticleIndexPage,
  ArticleSummary,
  ArticleWrite,
  CreatedKey,
  EditedContent,
  GlossaryChange,
  GlossaryEntry,
  GlossaryHistoryPage,
  GlossarySnapshot,
  GlossaryTermInput,
  LanguageState,
  ListedArticle,
  ListedPage,
  ListingVersion,
  MemoryLesson,
  ResultOutcome,
  RetryOutcome,
  SourceChange,
  TokenLookup,
  Translation,
  TranslationRequest,
  TranslationRequestKey,
} from './types.ts';
