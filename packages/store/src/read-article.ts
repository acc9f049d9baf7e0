import type { ArticleContent, LanguageCode } from '@tidings/core';
import { LANGUAGE_CODES } from '@tidings/core';
import type { Queryable } from './database.ts';
import { type TranslationRow, toContent, toLanguageState } from './rows.ts';
import type { Article } from './types.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether `id` has the shape of the store's ids; anything else cannot exist, and must not
 * reach PostgreSQL, which would reject it as an error rather than find nothing.
 *
 * @example
 * isStoreId('not-an-id'); // false
 */
export function isStoreId(id: string): boolean {
  return UUID.test(id);
}

/** An `articles` row joined with its current revision. */
export interface ArticleRow {
  id: string;
  slug: string;
  external_id: string | null;
  publisher_key_id: string;
  source_language: LanguageCode;
  current_revision: number;
  created_at: Date;
  updated_at: Date;
  retracted_at: Date | null;
  title: string;
  summary: string;
  body: string;
  categories: string[];
  image_url: string | null;
  image_alt: string | null;
}

/** Selects an article and its current revision; append a WHERE clause. */
export const ARTICLE_SELECT = `
  SELECT a.id, a.slug, a.external_id, a.publisher_key_id, a.source_language, a.current_revision,
         a.created_at, a.updated_at, a.retracted_at,
         r.title, r.summary, r.body, r.categories, r.image_url, r.image_alt
    FROM articles a
    JOIN revisions r ON r.article_id = a.id AND r.revision = a.current_revision`;

/**
 * The source content of an article row.
 *
 * @example
 * sourceContent(row).title;
 */
export function sourceContent(row: ArticleRow): ArticleContent {
  const content = toContent(row, row.image_url);
  if (!content) throw new Error(`Revision ${row.current_revision} of ${row.id} has no content`);
  return content;
}

/**
 * Reads one article with its current revision and every language's state, by id or by
 * slug (the article's, or any language version's); `null` when there is none.
 *
 * @example
 * const article = await readArticle(tx, 'id', articleId);
 */
export async function readArticle(
  q: Queryable,
  by: 'id' | 'slug',
  value: string,
): Promise<Article | null> {
  if (by === 'id' && !isStoreId(value)) return null;
  // No row holds U+0000 (the store refuses it), so such a slug names nothing: not a query error.
  if (value.includes('\u0000')) return null;
  // A slug is the article's own or one of its versions' (they never collide: see freeSlug).
  const where =
    by === 'id'
      ? 'a.id = $1'
      : 'a.id = COALESCE((SELECT article_id FROM translations WHERE slug = $1 LIMIT 1), (SELECT id FROM articles WHERE slug = $1))';
  const [row] = await q.query<ArticleRow>(`${ARTICLE_SELECT} WHERE ${where}`, [value]);
  if (!row) return null;
  const translations = await q.query<TranslationRow>(
    'SELECT * FROM translations WHERE article_id = $1',
    [row.id],
  );
  const order = (language: LanguageCode) => LANGUAGE_CODES.indexOf(language);
  return {
    id: row.id,
    slug: row.slug,
    externalId: row.external_id,
    publisherKeyId: row.publisher_key_id,
    sourceLanguage: row.source_language,
    revision: row.current_revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    retractedAt: row.retracted_at,
    content: sourceContent(row),
    languages: translations
      .sort((a, b) => order(a.language) - order(b.language))
      .map(toLanguageState),
  };
}
