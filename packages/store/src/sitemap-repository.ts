import type { LanguageCode } from '@tidings/core';
import { LANGUAGE_CODES } from '@tidings/core';
import type { Database } from './database.ts';

/** One live language version of an article, as a sitemap lists it. */
export interface SitemapVersion {
  readonly language: LanguageCode;
  /** The version's own slug. */
  readonly slug: string;
  readonly title: string;
  /** When this language version first went live. */
  readonly publishedAt: Date;
  /** When it last changed. */
  readonly updatedAt: Date;
}

/** A live (not retracted) article and every language it is live in, in menu order. */
export interface SitemapArticle {
  readonly id: string;
  readonly slug: string;
  readonly sourceLanguage: LanguageCode;
  readonly versions: readonly SitemapVersion[];
}

interface SitemapRow {
  id: string;
  slug: string;
  source_language: LanguageCode;
  versions: {
    language: LanguageCode;
    slug: string;
    title: string;
    published_at: string;
    updated_at: string;
  }[];
}

const toArticle = (row: SitemapRow): SitemapArticle => ({
  id: row.id,
  slug: row.slug,
  sourceLanguage: row.source_language,
  versions: row.versions
    .map((v) => ({
      language: v.language,
      slug: v.slug,
      title: v.title,
      publishedAt: new Date(v.published_at),
      updatedAt: new Date(v.updated_at),
    }))
    .sort((a, b) => LANGUAGE_CODES.indexOf(a.language) - LANGUAGE_CODES.indexOf(b.language)),
});

// Live versions of live articles, aggregated per article; `$1`.. are appended by callers.
const LIVE_ARTICLES = `
  SELECT a.id, a.slug, a.source_language,
         jsonb_agg(jsonb_build_object(
           'language', t.language, 'slug', COALESCE(t.slug, a.slug), 'title', t.title,
           'published_at', t.published_at, 'updated_at', t.content_updated_at)) AS versions
    FROM articles a
    JOIN translations t ON t.article_id = a.id AND t.published_at IS NOT NULL
   WHERE a.retracted_at IS NULL`;

/**
 * What sitemaps list: every live article with all its live language versions (for
 * `hreflang` alternates), in a stable order so that a sitemap split into files keeps each
 * article in one of them; and the versions first published recently, for news sitemaps.
 *
 * @example
 * const count = await sitemaps.countLiveArticles();
 * const first = await sitemaps.listLiveArticles({ offset: 0, limit: 8000 });
 */
export class SitemapRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** How many articles are live (not retracted, live in at least one language). */
  async countLiveArticles(): Promise<number> {
    const [row] = await this.#db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM articles a
        WHERE a.retracted_at IS NULL
          AND EXISTS (SELECT 1 FROM translations t
                       WHERE t.article_id = a.id AND t.published_at IS NOT NULL)`,
    );
    return row?.count ?? 0;
  }

  /** Live articles, oldest first, `limit` of them from `offset` on. */
  async listLiveArticles(options: { offset: number; limit: number }): Promise<SitemapArticle[]> {
    const rows = await this.#db.query<SitemapRow>(
      `${LIVE_ARTICLES}
       GROUP BY a.id
       ORDER BY a.created_at, a.id
       OFFSET $1 LIMIT $2`,
      [Math.max(0, Math.trunc(options.offset)), Math.max(1, Math.trunc(options.limit))],
    );
    return rows.map(toArticle);
  }

  /**
   * Live articles with a version in `language` first published after `since`, newest first,
   * at most `limit` (a news sitemap holds up to 1,000).
   */
  async listPublishedSince(
    language: LanguageCode,
    since: Date,
    limit = 1000,
  ): Promise<SitemapArticle[]> {
    const rows = await this.#db.query<SitemapRow>(
      `${LIVE_ARTICLES}
         AND EXISTS (SELECT 1 FROM translations n
                      WHERE n.article_id = a.id AND n.language = $1 AND n.published_at > $2)
       GROUP BY a.id
       ORDER BY max(t.published_at) FILTER (WHERE t.language = $1) DESC, a.id
       LIMIT $3`,
      [language, since, Math.max(1, Math.trunc(limit))],
    );
    return rows.map(toArticle);
  }
}
