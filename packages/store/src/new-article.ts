import type { ArticleContent, LanguageCode } from '@tidings/core';
import { LANGUAGE_CODES } from '@tidings/core';
import type { Queryable } from './database.ts';
import {
  LANGUAGE_STATE_COLUMNS,
  type LanguageStateRow,
  toContent,
  toLanguageState,
} from './rows.ts';
import { slugify, takenSql } from './slug.ts';
import { titleKey } from './title-key.ts';
import type { Article, ArticleWrite } from './types.ts';
import { contentParameters } from './write-revision.ts';

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

/** A language row of a new article as its statement returns it, with the article's times. */
export interface NewArticleRow extends LanguageStateRow {
  article_id: string;
  article_created_at: Date;
  article_updated_at: Date;
}

/** The languages a new article is translated into: those served, but its own. */
export function targetLanguages(input: CreateArticleInput): LanguageCode[] {
  return (input.languages ?? LANGUAGE_CODES).filter((code) => code !== input.sourceLanguage);
}

/** The source language's categories as stored in `categories`: name and slug, unsluggable ones left out. */
export function categoryRows(content: ArticleContent): { name: string; slug: string }[] {
  return content.categories
    .map((name) => ({ name, slug: slugify(name) }))
    .filter((c) => c.slug !== '');
}

/**
 * The write of a new article from the language rows its statement returned (the source's and
 * the targets'), as reading it back would give it; `undefined` when the statement wrote nothing.
 * The content is the one submitted, which is what the statement stored.
 *
 * @example
 * const write = newArticleWrite(input, rows);
 */
export function newArticleWrite(
  input: CreateArticleInput,
  rows: readonly NewArticleRow[],
): ArticleWrite | undefined {
  const source = rows.find((row) => row.language === input.sourceLanguage);
  if (!source) return undefined;
  const id = source.article_id;
  const { content } = input;
  const order = (language: LanguageCode) => LANGUAGE_CODES.indexOf(language);
  const [title, summary, body, , imageUrl, imageAlt] = contentParameters(content);
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
    // As toContent reads the source's row back.
    content: toContent(
      { title, summary, body, categories: [...content.categories], image_alt: imageAlt },
      imageUrl,
    ) as ArticleContent,
    languages: [...rows].sort((a, b) => order(a.language) - order(b.language)).map(toLanguageState),
  };
  const requests = targetLanguages(input).map((language) => ({
    articleId: id,
    revision: 1,
    language,
  }));
  return { article, created: true, revised: true, requests };
}

/**
 * Writes revision 1 of a new article under the slug `slug` in one statement, inside the caller's
 * transaction: the article, its revision, the source language's live version (under the article's
 * slug), a queued row and a pending outbox request per target language, and the source language's
 * categories, as writeRevision and settleLiveVersion write them for a revision. A concurrent post
 * of the same external id makes the article insert wait for it and then do nothing, and with it
 * everything that depends on it: `undefined` is returned, and the post is a repost of that article.
 *
 * @example
 * const write = await insertNewArticle(tx, input, await freeSlug(tx, slugify(input.content.title)));
 */
export async function insertNewArticle(
  q: Queryable,
  input: CreateArticleInput,
  slug: string,
): Promise<ArticleWrite | undefined> {
  const rows = await q.query<NewArticleRow>(
    `WITH a AS (
       INSERT INTO articles (publisher_key_id, external_id, source_language, slug)
       VALUES ($1, $2, $3, $4)
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
       RETURNING article_id, ${LANGUAGE_STATE_COLUMNS}
     ), t AS (
       INSERT INTO translations (article_id, language, revision, status, queued_at)
       SELECT a.id, l.language, 1, 'queued', now()
         FROM a, jsonb_array_elements_text($12::jsonb) AS l(language)
       RETURNING article_id, ${LANGUAGE_STATE_COLUMNS}
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
      input.externalId ?? null,
      input.sourceLanguage,
      slug,
      ...contentParameters(input.content),
      titleKey(input.content.title),
      JSON.stringify(targetLanguages(input)),
      JSON.stringify(categoryRows(input.content)),
    ],
  );
  return newArticleWrite(input, rows);
}

/**
 * The statement of {@link insertDerivedArticles}. Its parameters are arrays with one element per
 * article, in the order posted ($1 to $12), and every language code ($13).
 */
const INSERT_DERIVED_ARTICLES = `
  WITH i AS (
    SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                         $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
      WITH ORDINALITY AS i(key_id, source_language, base, title, summary, body, categories,
                           image_url, image_alt, title_key, targets, category_rows, n)
  ), b AS (
    -- Each base's counter is bumped once, by its number of articles, and the counters are
    -- locked in the order of their bases, so that two writers never wait for each other's.
    INSERT INTO slug_bases (base, last)
    SELECT base, count(*) FROM i GROUP BY base ORDER BY base
    ON CONFLICT (base) DO UPDATE SET last = slug_bases.last + EXCLUDED.last
    RETURNING base, last
  ), numbered AS (
    SELECT i.*, b.last - count(*) OVER (PARTITION BY i.base)
                + row_number() OVER (PARTITION BY i.base ORDER BY i.n) AS number
      FROM i JOIN b ON b.base = i.base
  ), s AS (
    SELECT numbered.*,
           CASE WHEN number = 1 THEN base ELSE base || '-' || number END AS slug
      FROM numbered
  ), a AS (
    INSERT INTO articles (publisher_key_id, source_language, slug)
    SELECT key_id, source_language, slug
      FROM s, LATERAL (SELECT ${takenSql('s.slug', '$13')} AS taken OFFSET 0) AS x
     WHERE NOT x.taken
     ORDER BY n
    RETURNING id, slug, created_at, updated_at
  ), w AS (
    SELECT a.id, a.created_at, a.updated_at, s.* FROM a JOIN s ON s.slug = a.slug
  ), r AS (
    INSERT INTO revisions
      (article_id, revision, publisher_key_id, title, summary, body, categories, image_url, image_alt)
    SELECT id, 1, key_id, title, summary, body, categories::jsonb, image_url, image_alt FROM w
  ), src AS (
    INSERT INTO translations
      (article_id, language, revision, status, content_revision, title, summary, body,
       categories, image_alt, title_key, started_at, finished_at, published_at,
       content_updated_at, slug)
    SELECT id, source_language, 1, 'published', 1, title, summary, body, categories::jsonb,
           image_alt, title_key, now(), now(), now(), now(), slug
      FROM w
    RETURNING article_id, ${LANGUAGE_STATE_COLUMNS}
  ), t AS (
    INSERT INTO translations (article_id, language, revision, status, queued_at)
    SELECT w.id, l.language, 1, 'queued', now()
      FROM w, jsonb_array_elements_text(w.targets::jsonb) AS l(language)
    RETURNING article_id, ${LANGUAGE_STATE_COLUMNS}
  ), q AS (
    INSERT INTO translation_requests (article_id, revision, language)
    SELECT w.id, 1, l.language FROM w, jsonb_array_elements_text(w.targets::jsonb) AS l(language)
  ), c AS (
    -- A category posted twice keeps its first name, as when the articles are written one by one.
    INSERT INTO categories (language, slug, name)
    SELECT DISTINCT ON (w.source_language, c.slug) w.source_language, c.slug, c.name
      FROM w, ROWS FROM (jsonb_to_recordset(w.category_rows::jsonb) AS (slug text, name text))
           WITH ORDINALITY AS c(slug, name, k)
     ORDER BY w.source_language, c.slug, w.n, c.k
    ON CONFLICT (language, slug) DO NOTHING
  )
  SELECT w.n, v.*, w.created_at AS article_created_at, w.updated_at AS article_updated_at
    FROM w JOIN (SELECT * FROM src UNION ALL SELECT * FROM t) AS v ON v.article_id = w.id`;

/**
 * Writes revision 1 of several new articles, none with an external id or a chosen slug, in one
 * statement and no transaction: what {@link insertNewArticle} writes for one, under a slug
 * derived from each title by its base's counter (see freeSlug), numbered in the order of
 * `inputs`. Returns one write per input, in order; `undefined` for an article whose derived slug
 * is taken (by a slug given explicitly, or stored before its base was counted): nothing of it
 * was written, and the caller takes the transactional way, whose freeSlug passes over taken
 * slugs. The statement is atomic: when it fails, none of the articles is written.
 *
 * @example
 * const [first, second] = await insertDerivedArticles(db, [one, two]);
 */
export async function insertDerivedArticles(
  q: Queryable,
  inputs: readonly CreateArticleInput[],
): Promise<(ArticleWrite | undefined)[]> {
  const columns: unknown[][] = Array.from({ length: 12 }, () => []);
  for (const input of inputs) {
    const { content } = input;
    const values = [
      input.publisherKeyId,
      input.sourceLanguage,
      slugify(content.title),
      ...contentParameters(content),
      titleKey(content.title),
      JSON.stringify(targetLanguages(input)),
      JSON.stringify(categoryRows(content)),
    ];
    for (const [i, value] of values.entries()) columns[i]?.push(value);
  }
  const rows = await q.query<NewArticleRow & { n: string | number }>(
    INSERT_DERIVED_ARTICLES,
    [...columns, LANGUAGE_CODES],
    { name: 'tidings-insert-derived-articles' },
  );
  const byInput = inputs.map((): NewArticleRow[] => []);
  for (const row of rows) byInput[Number(row.n) - 1]?.push(row);
  return inputs.map((input, i) => newArticleWrite(input, byInput[i] ?? []));
}
