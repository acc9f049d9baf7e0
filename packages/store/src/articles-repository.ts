import type { ArticleContent, LanguageCode } from '@tidings/core';
import { LANGUAGE_CODES } from '@tidings/core';
import type { Database, Queryable } from './database.ts';
import { ConflictError, NotFoundError } from './errors.ts';
import { finishArticleRequests } from './outbox-repository.ts';
import { isStoreId, readArticle } from './read-article.ts';
import { type TranslationRow, toContent, toLanguageState } from './rows.ts';
import { freeSlug, nextSlugSql, slugify, takenSql } from './slug.ts';
import { titleKey } from './title-key.ts';
import type { Article, ArticleWrite } from './types.ts';
import { contentParameters, sameContent, writeRevision } from './write-revision.ts';

/** What a publisher submits to create an article. */
export interface CreateArticleInput {
  readonly publisherKeyId: string;
  /** The publisher's own id; a second post with it becomes a revision. */
  readonly externalId?: string | undefined;
  readonly sourceLanguage: LanguageCode;
  /** Taken as given (a {@link ConflictError} when used); derived from the title when absent. */
  readonly slug?: string | undefined;
  readonly content: ArticleContent;
  /** The languages served (`LANGUAGES`, default all six): the article is translated into these only. */
  readonly languages?: readonly LanguageCode[] | undefined;
}

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
 * Writes revision 1 of a new article in one statement (see createArticle) under a slug given
 * or derived from `derivedFrom` by its counter (see freeSlug); `undefined` when nothing was
 * written: the external id is taken, or the derived slug is (the caller then takes the
 * transactional way, whose freeSlug passes over taken slugs).
 */
async function insertNew(
  q: Queryable,
  input: CreateArticleInput,
  slug: { given: string } | { derivedFrom: string },
): Promise<ArticleWrite | undefined> {
  const externalId = input.externalId ?? null;
  const served = input.languages ?? LANGUAGE_CODES;
  const targets = served.filter((code) => code !== input.sourceLanguage);
  const { content } = input;
  const categories = content.categories
    .map((name) => ({ name, slug: slugify(name) }))
    .filter((c) => c.slug !== '');
  // One statement writes what freeSlug (for a derived slug), writeRevision and
  // settleLiveVersion write for revision 1 of a new article: the article, its revision, the source language's live version (under
  // the article's slug), a queued row and a pending outbox request per target language,
  // and the source language's categories. A concurrent post of the same external id makes
  // the article insert wait for it and then do nothing, and with it everything that
  // depends on it; the post is then handled as a repost of that article. It returns the
  // article's language rows as written, so the article is not read back.
  const rows = await q.query<
    TranslationRow & { article_created_at: Date; article_updated_at: Date }
  >(
    `WITH ${
      'given' in slug
        ? `a AS (
       INSERT INTO articles (publisher_key_id, external_id, source_language, slug)
       VALUES ($1, $2, $3, $4)`
        : `n AS (${nextSlugSql('$4')}), a AS (
       INSERT INTO articles (publisher_key_id, external_id, source_language, slug)
       SELECT $1, $2, $3, n.slug FROM n WHERE NOT (${takenSql('n.slug', '$14')})`
    }
       ON CONFLICT (publisher_key_id, external_id) DO NOTHING
       RETURNING id, slug, created_at, updated_at
     ), r AS (
       INSERT INTO revisions
         (article_id, revision, publisher_key_id, title, summary, body, categories, image_url, image_alt)
       SELECT a.id, 1, $1, $5, $6, $7, $8::jsonb, $9, $10 FROM a
     ), s AS (
       INSERT INTO translations
         (article_id, language, revision, status, content_revision, title, summary, body,
          categories, image_alt, title_key, started_at, finished_at, published_at,
          content_updated_at, slug)
       SELECT a.id, $3, 1, 'published', 1, $5, $6, $7, $8::jsonb, $10, $11, now(), now(),
              now(), now(), a.slug
         FROM a
       RETURNING *
     ), t AS (
       INSERT INTO translations (article_id, language, revision, status, queued_at)
       SELECT a.id, l.language, 1, 'queued', now()
         FROM a, jsonb_array_elements_text($12::jsonb) AS l(language)
       RETURNING *
     ), q AS (
       INSERT INTO translation_requests (article_id, revision, language)
       SELECT a.id, 1, l.language FROM a, jsonb_array_elements_text($12::jsonb) AS l(language)
     ), c AS (
       INSERT INTO categories (language, slug, name)
       SELECT $3, c.slug, c.name
         FROM a, jsonb_to_recordset($13::jsonb) AS c(slug text, name text)
       ON CONFLICT (language, slug) DO NOTHING
     )
     SELECT v.*, a.created_at AS article_created_at, a.updated_at AS article_updated_at
       FROM a, (SELECT * FROM s UNION ALL SELECT * FROM t) AS v`,
    [
      input.publisherKeyId,
      externalId,
      input.sourceLanguage,
      'given' in slug ? slug.given : slug.derivedFrom,
      ...contentParameters(content),
      titleKey(content.title),
      JSON.stringify(targets),
      JSON.stringify(categories),
      ...('given' in slug ? [] : [LANGUAGE_CODES]),
    ],
  );
  const source = rows.find((row) => row.language === input.sourceLanguage);
  if (!source) return undefined;
  const id = source.article_id;
  const order = (language: LanguageCode) => LANGUAGE_CODES.indexOf(language);
  // What readArticle would read back, from the rows just written.
  const article: Article = {
    id,
    slug: source.slug ?? '',
    externalId: input.externalId ?? null,
    publisherKeyId: input.publisherKeyId,
    sourceLanguage: input.sourceLanguage,
    revision: 1,
    createdAt: source.article_created_at,
    updatedAt: source.article_updated_at,
    retractedAt: null,
    content: toContent(source, content.image?.url ?? null) ?? content,
    languages: rows.sort((a, b) => order(a.language) - order(b.language)).map(toLanguageState),
  };
  const requests = targets.map((language) => ({ articleId: id, revision: 1, language }));
  return { article, created: true, revised: true, requests };
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

  constructor(db: Database) {
    this.#db = db;
  }

  /**
   * Creates an article (revision 1, the source version live, five translations queued).
   * When the publisher already posted `externalId`, an identical repost returns the
   * article unchanged and a changed one becomes a new revision.
   */
  async createArticle(input: CreateArticleInput): Promise<ArticleWrite> {
    for (let attempt = 1; ; attempt++) {
      try {
        // Without an external id or a chosen slug, a new article is one statement, atomic on
        // its own: no transaction to open and commit around it. The transactional way is
        // left for reposts, chosen slugs, and a derived slug found taken.
        if (input.externalId === undefined && input.slug === undefined) {
          const derivedFrom = slugify(input.content.title);
          const write = await insertNew(this.#db, input, { derivedFrom });
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
    const write = await insertNew(tx, input, { given: slug });
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
