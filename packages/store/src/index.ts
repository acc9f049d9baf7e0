export type { ArticleIndexOptions } from './article-index-repository.ts';
export type { CreateArticleInput } from './articles-repository.ts';
export type { Category } from './categories-repository.ts';
export { ConflictError } from './conflict-error.ts';
export type { StoreLogger } from './database.ts';
export { InvalidCursorError } from './invalid-cursor-error.ts';
export type { ListOptions } from './listing-repository.ts';
export { MIGRATIONS_DIRECTORY } from './migrate.ts';
export { NotFoundError } from './not-found-error.ts';
export { openStore, type StoreOptions } from './open-store.ts';
export type { StalledRetry } from './retries-repository.ts';
export type { SitemapArticle, SitemapVersion } from './sitemap-repository.ts';
export { slugify } from './slugify.ts';
export { Store } from './store.ts';
export { StoreLockedError } from './store-locked-error.ts';
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
