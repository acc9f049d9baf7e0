import {
  LANGUAGE_CODES,
  type LanguageCode,
  TRANSLATION_STATUSES,
  type TranslationStatus,
} from '@tidings/core';
import type { Database } from './database.ts';
import { cursorTime, decodeCursor, encodeCursor } from './keyset-cursor.ts';
import { type TranslationRow, toLanguageState } from './rows.ts';
import { titleSearchPatterns } from './title-key.ts';
import type { ArticleIndexPage, ArticleSummary } from './types.ts';

/** Options of {@link ArticleIndexRepository.listArticles}. */
export interface ArticleIndexOptions {
  /** Only articles with a target language in this state (in `language`, when given). */
  readonly status?: TranslationStatus | undefined;
  /** Only articles translated into this language (written in another one). */
  readonly language?: LanguageCode | undefined;
  /** Words of a title, in any of its languages, ignoring case and accents. */
  readonly query?: string | undefined;
  /** Only this publisher's articles. */
  readonly publisherKeyId?: string | undefined;
  /** The `nextCursor` of the previous page. */
  readonly cursor?: string | undefined;
  /** Page size, 1 to 100. */
  readonly limit: number;
}

interface SummaryRow {
  id: string;
  slug: string;
  publisher_key_id: string;
  source_language: LanguageCode;
  current_revision: number;
  created_at: Date;
  updated_at: Date;
  title: string;
  cursor_at: string;
}

/**
 * The editors' view of every article (the review queue): which articles have a language in
 * a given state, newest change first, with a keyset cursor, and how many language versions
 * are in each state.
 *
 * @example
 * const page = await index.listArticles({ status: 'needs_review', language: 'de', limit: 20 });
 */
export class ArticleIndexRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /**
   * Articles that are not retracted, newest revision first, filtered as asked; with the counts
   * of target language versions per state under the same filters (all but `status`).
   */
  async listArticles(options: ArticleIndexOptions): Promise<ArticleIndexPage> {
    const limit = Math.min(Math.max(Math.trunc(options.limit), 1), 100);
    const scope = this.#scope(options);
    const params = [...scope.params];
    const conditions = [...scope.conditions];
    if (options.status !== undefined) {
      params.push(options.status);
      const language = options.language === undefined ? '' : 'AND s.language = $1';
      conditions.push(
        `EXISTS (SELECT 1 FROM translations s
                  WHERE s.article_id = a.id AND s.language <> a.source_language
                    AND s.status = $${params.length} ${language})`,
      );
    }
    if (options.cursor !== undefined) {
      const [at, id] = decodeCursor(options.cursor);
      params.push(at, id);
      conditions.push(
        `(a.updated_at, a.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(limit + 1);
    const rows = await this.#db.query<SummaryRow>(
      `SELECT a.id, a.slug, a.publisher_key_id, a.source_language, a.current_revision,
              a.created_at, a.updated_at, r.title, ${cursorTime('a.updated_at')} AS cursor_at
         FROM articles a
         JOIN revisions r ON r.article_id = a.id AND r.revision = a.current_revision
        WHERE ${conditions.join(' AND ')}
        ORDER BY a.updated_at DESC, a.id DESC
        LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const [items, counts] = await Promise.all([this.#summaries(page), this.#counts(options)]);
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor(last.cursor_at, last.id) : null,
      counts,
    };
  }

  /** The conditions every query of a listing shares; a given language is always `$1`. */
  #scope(options: ArticleIndexOptions): { conditions: string[]; params: unknown[] } {
    const params: unknown[] = [];
    const conditions = ['a.retracted_at IS NULL'];
    if (options.language !== undefined) {
      params.push(options.language);
      conditions.push('a.source_language <> $1');
    }
    if (options.publisherKeyId !== undefined) {
      params.push(options.publisherKeyId);
      conditions.push(`a.publisher_key_id = $${params.length}::uuid`);
    }
    const patterns = options.query === undefined ? [] : titleSearchPatterns(options.query);
    if (patterns.length > 0) {
      // Every word in one title (one language's), in any order.
      const likes = patterns.map((pattern) => {
        params.push(pattern);
        return `q.title_key LIKE $${params.length} ESCAPE '\\'`;
      });
      conditions.push(
        `EXISTS (SELECT 1 FROM translations q
                  WHERE q.article_id = a.id AND ${likes.join(' AND ')})`,
      );
    }
    return { conditions, params };
  }

  async #counts(options: ArticleIndexOptions): Promise<Record<TranslationStatus, number>> {
    const { conditions, params } = this.#scope(options);
    const language = options.language === undefined ? '' : 'AND t.language = $1';
    const rows = await this.#db.query<{ status: TranslationStatus; count: number }>(
      `SELECT t.status, count(*)::int AS count
         FROM translations t JOIN articles a ON a.id = t.article_id
        WHERE t.language <> a.source_language ${language} AND ${conditions.join(' AND ')}
        GROUP BY t.status`,
      params,
    );
    const counts = Object.fromEntries(TRANSLATION_STATUSES.map((s) => [s, 0])) as Record<
      TranslationStatus,
      number
    >;
    for (const row of rows) counts[row.status] = row.count;
    return counts;
  }

  async #summaries(rows: readonly SummaryRow[]): Promise<ArticleSummary[]> {
    if (rows.length === 0) return [];
    const translations = await this.#db.query<TranslationRow>(
      `SELECT * FROM translations
        WHERE article_id IN (SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify(rows.map((r) => r.id))],
    );
    const order = (language: LanguageCode) => LANGUAGE_CODES.indexOf(language);
    return rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      title: row.title,
      publisherKeyId: row.publisher_key_id,
      sourceLanguage: row.source_language,
      revision: row.current_revision,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      languages: translations
        .filter((t) => t.article_id === row.id)
        .sort((a, b) => order(a.language) - order(b.language))
        .map(toLanguageState),
    }));
  }
}
