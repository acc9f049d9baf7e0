import type {
  ArticleContent,
  LanguageCode,
  SegmentOrigins,
  TranslationStatus,
} from '@tidings/core';
import { ApprovalsRepository } from './approvals-repository.ts';
import { type ArticleIndexOptions, ArticleIndexRepository } from './article-index-repository.ts';
import { ArticlesRepository } from './articles-repository.ts';
import { backfillTitleKeys } from './backfill-title-keys.ts';
import { CategoriesRepository, type Category } from './categories-repository.ts';
import type { Database, StoreLogger } from './database.ts';
import type { DirectoryLock } from './directory-lock.ts';
import { GlossaryRepository } from './glossary-repository.ts';
import { KeysRepository } from './keys-repository.ts';
import { ListingRepository, type ListOptions } from './listing-repository.ts';
import { MemoryLessonsRepository } from './memory-lessons-repository.ts';
import { migrate } from './migrate.ts';
import type { CreateArticleInput } from './new-article.ts';
import { OutboxRepository } from './outbox-repository.ts';
import { RetriesRepository, type StalledRetry } from './retries-repository.ts';
import { type SitemapArticle, SitemapRepository } from './sitemap-repository.ts';
import {
  type TranslationFailureInput,
  type TranslationResultInput,
  TranslationsRepository,
} from './translations-repository.ts';
import type {
  ApiKey,
  ApiKeyRole,
  Article,
  ArticleIndexPage,
  ArticleWrite,
  CreatedKey,
  EditedContent,
  GlossaryHistoryPage,
  GlossarySnapshot,
  GlossaryTermInput,
  ListedPage,
  ListingVersion,
  MemoryLesson,
  ResultOutcome,
  RetryOutcome,
  TokenLookup,
  Translation,
  TranslationRequest,
  TranslationRequestKey,
} from './types.ts';

/** Each store's connection, for {@link databaseOf}: tests reach it, the service does not. */
const CONNECTIONS = new WeakMap<Store, Database>();

/**
 * The connection under a store, for the store's own tests and `@tidings/store/testing`;
 * not exported by the package's index, so the service goes through the store's methods.
 *
 * @example
 * await databaseOf(store).query('SELECT 1');
 */
export function databaseOf(store: Store): Database {
  const db = CONNECTIONS.get(store);
  if (!db) throw new Error('This store has no connection');
  return db;
}

/**
 * Tidings' persistence: keys, articles, revisions, translations and the outbox, on PGlite
 * or PostgreSQL. Made by {@link openStore}; one per process.
 *
 * @example
 * const store = await openStore({ dataDir: './data' });
 * const { article, requests } = await store.createArticle({ publisherKeyId, sourceLanguage: 'uk', content });
 * await store.close();
 */
export class Store {
  readonly #db: Database;
  readonly #logger: StoreLogger;
  readonly #lock: DirectoryLock | undefined;
  readonly #keys: KeysRepository;
  readonly #articles: ArticlesRepository;
  readonly #translations: TranslationsRepository;
  readonly #outbox: OutboxRepository;
  readonly #retries: RetriesRepository;
  readonly #approvals: ApprovalsRepository;
  readonly #listing: ListingRepository;
  readonly #index: ArticleIndexRepository;
  readonly #sitemaps: SitemapRepository;
  readonly #categories: CategoriesRepository;
  readonly #glossary: GlossaryRepository;
  readonly #lessons: MemoryLessonsRepository;
  #closed: Promise<void> | undefined;

  constructor(db: Database, logger: StoreLogger, lock?: DirectoryLock) {
    this.#db = db;
    CONNECTIONS.set(this, db);
    this.#logger = logger;
    this.#lock = lock;
    this.#keys = new KeysRepository(db);
    this.#articles = new ArticlesRepository(db);
    this.#translations = new TranslationsRepository(db);
    this.#outbox = new OutboxRepository(db);
    this.#retries = new RetriesRepository(db);
    this.#approvals = new ApprovalsRepository(db);
    this.#listing = new ListingRepository(db);
    this.#index = new ArticleIndexRepository(db);
    this.#sitemaps = new SitemapRepository(db);
    this.#categories = new CategoriesRepository(db);
    this.#glossary = new GlossaryRepository(db);
    this.#lessons = new MemoryLessonsRepository(db);
  }

  /** Which back end serves this store. */
  get kind(): Database['kind'] {
    return this.#db.kind;
  }

  /** Resolves when the database answers (for `/readyz`). */
  async ping(): Promise<void> {
    await this.#db.query('SELECT 1');
  }

  /** Applies pending migrations (openStore already did); returns the versions applied. */
  async migrate(): Promise<string[]> {
    const applied = await migrate(this.#db, this.#logger);
    await backfillTitleKeys(this.#db);
    await this.#categories.backfill();
    return applied;
  }

  /** Closes the connection and releases the data directory's lock. Safe to call twice. */
  close(): Promise<void> {
    this.#closed ??= (async () => {
      try {
        await this.#db.close();
      } finally {
        await this.#lock?.release();
      }
    })();
    return this.#closed;
  }

  /** See {@link KeysRepository.createKey}. */
  createKey(input: { name: string; role: ApiKeyRole }): Promise<CreatedKey> {
    return this.#keys.createKey(input);
  }

  /** See {@link KeysRepository.createFirstAdminKey}. */
  createFirstAdminKey(keep: (token: string) => Promise<void>): Promise<CreatedKey | null> {
    return this.#keys.createFirstAdminKey(keep);
  }

  /** See {@link KeysRepository.lookupToken}. */
  lookupToken(token: string): Promise<TokenLookup> {
    return this.#keys.lookupToken(token);
  }

  /** See {@link KeysRepository.findKey}. */
  findKey(id: string): Promise<TokenLookup> {
    return this.#keys.findKey(id);
  }

  /** See {@link KeysRepository.keyNamesByIds}. */
  keyNamesByIds(ids: readonly string[]): Promise<Map<string, string>> {
    return this.#keys.keyNamesByIds(ids);
  }

  /** See {@link KeysRepository.listKeys}. */
  listKeys(): Promise<ApiKey[]> {
    return this.#keys.listKeys();
  }

  /** See {@link KeysRepository.revokeKey}. */
  revokeKey(id: string): Promise<ApiKey> {
    return this.#keys.revokeKey(id);
  }

  /** See {@link GlossaryRepository.get}. */
  getGlossary(): Promise<GlossarySnapshot> {
    return this.#glossary.get();
  }

  /** See {@link GlossaryRepository.setTerm}. */
  setGlossaryTerm(
    term: GlossaryTermInput,
    authorKeyId: string,
  ): Promise<{ created: boolean; snapshot: GlossarySnapshot }> {
    return this.#glossary.setTerm(term, authorKeyId);
  }

  /** See {@link GlossaryRepository.removeTerm}. */
  removeGlossaryTerm(source: string, authorKeyId: string): Promise<GlossarySnapshot> {
    return this.#glossary.removeTerm(source, authorKeyId);
  }

  /** See {@link GlossaryRepository.seed}. */
  seedGlossary(terms: readonly GlossaryTermInput[]): Promise<boolean> {
    return this.#glossary.seed(terms);
  }

  /** See {@link ArticlesRepository.createArticle}. */
  createArticle(input: CreateArticleInput): Promise<ArticleWrite> {
    return this.#articles.createArticle(input);
  }

  /** See {@link ArticlesRepository.reviseArticle}. */
  reviseArticle(
    id: string,
    content: ArticleContent,
    publisherKeyId: string,
    languages?: readonly LanguageCode[],
  ): Promise<ArticleWrite> {
    return this.#articles.reviseArticle(id, content, publisherKeyId, languages);
  }

  /** See {@link ArticlesRepository.getArticle}. */
  getArticle(id: string): Promise<Article> {
    return this.#articles.getArticle(id);
  }

  /** See {@link ArticlesRepository.getArticleBySlug}. */
  getArticleBySlug(slug: string): Promise<Article> {
    return this.#articles.getArticleBySlug(slug);
  }

  /** See {@link ArticlesRepository.retractArticle}. */
  retractArticle(id: string): Promise<Article> {
    return this.#articles.retractArticle(id);
  }

  /** See {@link TranslationsRepository.getTranslation}. */
  getTranslation(articleId: string, language: LanguageCode): Promise<Translation> {
    return this.#translations.getTranslation(articleId, language);
  }

  /** See {@link TranslationsRepository.markTranslating}. */
  markTranslating(articleId: string, language: LanguageCode, revision: number): Promise<boolean> {
    return this.#translations.markTranslating(articleId, language, revision);
  }

  /** See {@link TranslationsRepository.recordTranslationResult}. */
  recordTranslationResult(result: TranslationResultInput): Promise<ResultOutcome> {
    return this.#translations.recordTranslationResult(result);
  }

  /** See {@link TranslationsRepository.recordTranslationFailure}. */
  recordTranslationFailure(failure: TranslationFailureInput): Promise<ResultOutcome> {
    return this.#translations.recordTranslationFailure(failure);
  }

  /** See {@link TranslationsRepository.editTranslation}. */
  editTranslation(
    articleId: string,
    language: LanguageCode,
    edit: EditedContent,
    editorKeyId: string,
    segmentOrigins?: SegmentOrigins,
  ): Promise<Translation> {
    return this.#translations.editTranslation(
      articleId,
      language,
      edit,
      editorKeyId,
      segmentOrigins,
    );
  }

  /** See {@link GlossaryRepository.history}. */
  glossaryHistory(options: {
    readonly term?: string | undefined;
    readonly before?: number | undefined;
    readonly limit: number;
  }): Promise<GlossaryHistoryPage> {
    return this.#glossary.history(options);
  }

  /** See {@link MemoryLessonsRepository.get}. */
  getMemoryLesson(versionId: string): Promise<MemoryLesson | undefined> {
    return this.#lessons.get(versionId);
  }

  /** See {@link MemoryLessonsRepository.list}. */
  listMemoryLessons(options: {
    readonly olderThanMs: number;
    readonly limit?: number;
  }): Promise<MemoryLesson[]> {
    return this.#lessons.list(options);
  }

  /** See {@link MemoryLessonsRepository.finish}. */
  finishMemoryLesson(versionId: string): Promise<void> {
    return this.#lessons.finish(versionId);
  }

  /** See {@link MemoryLessonsRepository.fail}. */
  failMemoryLesson(versionId: string, error: string): Promise<void> {
    return this.#lessons.fail(versionId, error);
  }

  /** See {@link RetriesRepository.retryTranslations}. */
  retryTranslations(
    articleId: string,
    languages?: readonly LanguageCode[],
    options?: { readonly stalled?: StalledRetry; readonly includePublished?: boolean },
  ): Promise<RetryOutcome[]> {
    return this.#retries.retryTranslations(articleId, languages, options);
  }

  /** See {@link ApprovalsRepository.approveTranslation}. */
  approveTranslation(
    articleId: string,
    language: LanguageCode,
    editorKeyId: string,
    edit?: EditedContent,
    segmentOrigins?: SegmentOrigins,
  ): Promise<Translation> {
    return this.#approvals.approveTranslation(
      articleId,
      language,
      editorKeyId,
      edit,
      segmentOrigins,
    );
  }

  /** See {@link OutboxRepository.markRequestsEnqueued}. */
  markRequestsEnqueued(keys: readonly TranslationRequestKey[]): Promise<number> {
    return this.#outbox.markRequestsEnqueued(keys);
  }

  /** See {@link OutboxRepository.listUnfinishedRequests}. */
  listUnfinishedRequests(options: {
    olderThanMs: number;
    pendingOlderThanMs?: number;
    limit?: number;
  }): Promise<TranslationRequest[]> {
    return this.#outbox.listUnfinishedRequests(options);
  }

  /** See {@link ListingRepository.countByStatus}. */
  countTranslationsByStatus(): Promise<
    { language: LanguageCode; status: TranslationStatus; count: number }[]
  > {
    return this.#listing.countByStatus();
  }

  /** See {@link ListingRepository.listingVersion}. */
  listingVersion(language: LanguageCode): Promise<ListingVersion> {
    return this.#listing.listingVersion(language);
  }

  /** See {@link ListingRepository.listPublished}. */
  listPublished(language: LanguageCode, options: ListOptions): Promise<ListedPage> {
    return this.#listing.listPublished(language, options);
  }

  /** See {@link ArticleIndexRepository.listArticles}. */
  listArticles(options: ArticleIndexOptions): Promise<ArticleIndexPage> {
    return this.#index.listArticles(options);
  }

  /** See {@link SitemapRepository.countLiveArticles}. */
  countLiveArticles(): Promise<number> {
    return this.#sitemaps.countLiveArticles();
  }

  /** See {@link SitemapRepository.listLiveArticles}. */
  listLiveArticles(options: { offset: number; limit: number }): Promise<SitemapArticle[]> {
    return this.#sitemaps.listLiveArticles(options);
  }

  /** See {@link SitemapRepository.listPublishedSince}. */
  listPublishedSince(
    language: LanguageCode,
    since: Date,
    limit?: number,
  ): Promise<SitemapArticle[]> {
    return this.#sitemaps.listPublishedSince(language, since, limit);
  }

  /** See {@link CategoriesRepository.find}. */
  findCategory(language: LanguageCode, slug: string): Promise<Category | null> {
    return this.#categories.find(language, slug);
  }

  /** See {@link CategoriesRepository.list}. */
  listKnownCategories(): Promise<Category[]> {
    return this.#categories.list();
  }
}
