import type { LanguageCode } from '@tidings/core';
import type { Queryable } from './database.ts';
import { freeSlug, slugify } from './slug.ts';

/**
 * What goes with a language version going live, in the same transaction: its own slug, from
 * its title, the first time only (a published address never changes; the source language
 * keeps the article's slug), and its categories, each under its slug in that language.
 *
 * @example
 * await settleLiveVersion(tx, { articleId, language: 'uk', title, categories: ['Оборона'] });
 */
export async function settleLiveVersion(
  tx: Queryable,
  version: {
    articleId: string;
    language: LanguageCode;
    title: string;
    categories: readonly string[];
  },
): Promise<void> {
  const { articleId, language } = version;
  const [row] = await tx.query<{ slug: string | null; own: boolean; article_slug: string }>(
    `SELECT t.slug, a.source_language = t.language AS own, a.slug AS article_slug
       FROM translations t JOIN articles a ON a.id = t.article_id
      WHERE t.article_id = $1 AND t.language = $2`,
    [articleId, language],
  );
  if (row && row.slug === null) {
    const base = slugify(version.title);
    const slug = row.own || !base ? row.article_slug : await freeSlug(tx, base);
    await tx.query('UPDATE translations SET slug = $3 WHERE article_id = $1 AND language = $2', [
      articleId,
      language,
      slug,
    ]);
  }
  const categories = version.categories
    .map((name) => ({ name, slug: slugify(name) }))
    .filter((c) => c.slug !== '');
  if (categories.length > 0) {
    await tx.query(
      `INSERT INTO categories (language, slug, name)
       SELECT $1, c.slug, c.name FROM jsonb_to_recordset($2::jsonb) AS c(slug text, name text)
       ON CONFLICT (language, slug) DO NOTHING`,
      [language, JSON.stringify(categories)],
    );
  }
}
