import type { ArticleContent, LanguageCode } from '@tidings/core';
import { Batcher } from './batcher.ts';
import type { Database, Queryable } from './database.ts';
import { ConflictError, NotFoundError } from './errors.ts';
import { type CreateArticleInput, insertDerivedArticles, insertNewArticle } from './new-article.ts';
import { finishArticleRequests } from './outbox-repository.ts';
import { isStoreId, readArticle } from './read-article.ts';
import { freeSlug, slugify } from './slug.ts';
import type { Article, ArticleWrite } from './types.ts';
import { sameContent, writeRevision } from './write-revision.ts';

interface LockedArticle {
  id: string;
  source_language: LanguageCode;
  current_revision: number;
  retracted_at: Date | null;
}

/**
 * Derived slugs that collide get a numeric suffix. Writers deriving the same slug are
 * serialized, so a collision is left only against an explicitly chosen slug posted meanwhile.
 */
const SLUG_ATTEMPTS = 3;

/** Most new articles written by one statement, and most characters of content in it. */
const MAX_BATCH = 32;
const MAX_BATCH_CHARS = 4_000_000;
/** Batches of new articles written at once on PostgreSQL, each on its own connection. */
const POSTGRES_BATCHES_IN_FLIGHT = 2;

function uniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown };
  return e?.code === '23505' && e.constraint === constraint;
}

async function lockArticle(tx: Queryable, id: string): Promise<LockedArticle> {
  const [row] = isStoreId(id)
    ? await tx.query<LockedArticle>(
        `SELECT id, source_language, current_revision, retracted_at
           FROM articles WHERE id = $1 FOR UPDATE`,
        [id],
      )
    : [];
  if (!row) throw new NotFoundError('article', id);
  return row;
}

async function mustRead(tx: Queryable, id: string): Promise<Article> {
  const article = await readArticle(tx, 'id', id);
  if (!article) throw new NotFoundError('article', id);
  return article;
}

async function revise(
  tx: Queryable,
  locked: LockedArticle,
  content: ArticleContent,
  publisherKeyId: string,
  languages: readonly LanguageCode[] | undefined,
): Promise<ArticleWrite> {
  if (locked.retracted_at) {
    throw new ConflictError(
      'retracted',
      `Article ${locked.id} was retracted and cannot be revised`,
      { id: locked.id },
    );
  }
  const current = await mustRead(tx, locked.id);
  if (sameContent(current.content, content)) {
    return { article: current, created: false, revised: false, requests: [] };
  }
  const revision = locked.current_revision + 1;
  await tx.query('UPDATE articles SET current_revision = $2, updated_at = now() WHERE id = $1', [
    locked.id,
    revision,
  ]);
  const requests = await writeRevision(tx, {
    articleId: locked.id,
    revision,
    sourceLanguage: locked.source_language,
    content,
    publisherKeyId,
    languages,
  });
  return { article: await mustRead(tx, locked.id), created: false, revised: true, requests };
}

/**
 * Articles and their revisions. Every write is one transaction that also writes the
 * outbox (`translation_requests`), so a translation is never requested for an article
 * that was not stored, nor forgotten for one that was.
 *
 * @example
 * const { article, requests } = await articles.createArticle({ publisherKeyId, sourceLanguage: 'uk', content });
 */
export class ArticlesRepository {
  readonly #db: Database;
  readonly #derived: Batcher<CreateArticleInput, ArticleWrite | undefined>;

  constructor(db: Database) {
    this.#db = db;
    this.#derived = new Batcher((inputs) => insertDerivedArticles(db, inputs), {
      // PGlite runs one statement at a time anyway; PostgreSQL writes a few batches at once.
      inFlight: db.kind === 'pglite' ? 1 : POSTGRES_BATCHES_IN_FLIGHT,
      maxBatch: MAX_BATCH,
      maxWeight: MAX_BATCH_CHARS,
      weight: ({ content }) => content.body.length + content.title.length + content.summary.length,
    });
  }

  /**
   * Creates an article (revision 1, the source version live, five translations queued).
   * When the publisher already posted `externalId`, an identical repost returns the
   * article unchanged and a changed one becomes a new revision.
   *
   * A new article without an external id or a chosen slug is written with the others posted at
   * the same moment, in one statement and no transaction (see insertDerivedArticles): each is
   * stored when its call resolves, and a failure of one is its call's alone.
   */
  async createArticle(input: CreateArticleInput): Promise<ArticleWrite> {
    for (let attempt = 1; ; attempt++) {
      try {
        // The transactional way is left for reposts, chosen slugs, and a derived slug found taken.
        if (input.externalId === undefined && input.slug === undefined) {
          const write = await this.#derived.submit(input);
          if (write) return write;
        }
        return await this.#db.transaction((tx) => this.#create(tx, input));
      } catch (error) {
        if (!uniqueViolation(error, 'articles_slug_key')) throw error;
        if (input.slug !== undefined) {
          throw new ConflictError(
            'slug_taken',
            `The slug ${JSON.stringify(input.slug)} is already used by another article`,
            { slug: input.slug },
          );
        }
        if (attempt >= SLUG_ATTEMPTS) throw error;
      }
    }
  }

  async #create(tx: Queryable, input: CreateArticleInput): Promise<ArticleWrite> {
    const externalId = input.externalId ?? null;
    if (externalId !== null) {
      const existing = await this.#findExternal(tx, input.publisherKeyId, externalId);
      if (existing)
        return revise(tx, existing, input.content, input.publisherKeyId, input.languages);
    }
    const slug = input.slug ?? (await freeSlug(tx, slugify(input.content.title)));
    const write = await insertNewArticle(tx, input, slug);
    if (write) return write;
    // A concurrent post of the same external id came first: this is a repost of it.
    const existing = await this.#findExternal(tx, input.publisherKeyId, externalId ?? '');
    if (!existing) throw new Error(`Article with external id ${externalId} vanished`);
    return revise(tx, existing, input.content, input.publisherKeyId, input.languages);
  }

  async #findExternal(
    tx: Queryable,
    publisherKeyId: string,
    externalId: string,
  ): Promise<LockedArticle | undefined> {
    const [row] = await tx.query<LockedArticle>(
      `SELECT id, source_language, current_revision, retracted_at FROM articles
        WHERE publisher_key_id = $1 AND external_id = $2 FOR UPDATE`,
      [publisherKeyId, externalId],
    );
    return row;
  }

  /**
   * Writes a new revision: the source version is replaced at once and every target
   * language is queued again, except an editor's correction, which stays live as `stale`.
   * Identical content changes nothing (`revised: false`), so a repeated PUT is harmless.
   * `publisherKeyId` is recorded as the revision's author; whether it may revise is the API's call.
   */
  reviseArticle(
    id: string,
    content: ArticleContent,
    publisherKeyId: string,
    languages?: readonly LanguageCode[],
  ): Promise<ArticleWrite> {
    return this.#db.transaction(async (tx) =>
      revise(tx, await lockArticle(tx, id), content, publisherKeyId, languages),
    );
  }

  /** The article with this id, retracted or not. */
  async getArticle(id: string): Promise<Article> {
    const article = await readArticle(this.#db, 'id', id);
    if (!article) throw new NotFoundError('article', id);
    return article;
  }

  /** The article with this slug, retracted or not (pages check `retractedAt`). */
  async getArticleBySlug(slug: string): Promise<Article> {
    const article = await readArticle(this.#db, 'slug', slug);
    if (!article) throw new NotFoundError('article', slug);
    return article;
  }

  /**
   * Retracts an article: it leaves every listing at once and its unfinished translation
   * requests are dropped. Retracting again changes nothing.
   */
  retractArticle(id: string): Promise<Article> {
    return this.#db.transaction(async (tx) => {
      await lockArticle(tx, id);
      await tx.query(
        `UPDATE articles SET retracted_at = now(), updated_at = now()
          WHERE id = $1 AND retracted_at IS NULL`,
        [id],
      );
      await finishArticleRequests(tx, id);
      return mustRead(tx, id);
    });
  }
}
