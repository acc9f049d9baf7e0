import type { LanguageCode } from '@tidings/core';
import type { Database } from './database.ts';
import { slugify } from './slug.ts';

/** A category as named in one language, under its slug in that language. */
export interface Category {
  readonly language: LanguageCode;
  readonly slug: string;
  readonly name: string;
}

/**
 * The categories ever published in each language, each under its own slug in that language
 * (written as versions go live). A category stays after its last article is retracted, so
 * that its feed stays a valid empty feed instead of turning into a 404.
 *
 * @example
 * await categories.find('uk', 'oborona'); // { language: 'uk', slug: 'oborona', name: 'Оборона' }
 */
export class CategoriesRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** The category with this slug in this language, or `null`. */
  async find(language: LanguageCode, slug: string): Promise<Category | null> {
    // No row holds U+0000 (the store refuses it), so such a slug names nothing: not a query error.
    if (slug.includes('\u0000')) return null;
    const [row] = await this.#db.query<Category>(
      'SELECT language, slug, name FROM categories WHERE language = $1 AND slug = $2',
      [language, slug],
    );
    return row ?? null;
  }

  /** Every category, by language (menu order is the caller's) then name. */
  list(): Promise<Category[]> {
    return this.#db.query<Category>(
      'SELECT language, slug, name FROM categories ORDER BY language, name, slug',
    );
  }

  /**
   * Fills the categories of versions published before categories were kept; idempotent, and
   * a single cheap query once done. Returns how many it added.
   */
  async backfill(): Promise<number> {
    const [known] = await this.#db.query<{ any: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM categories) AS any',
    );
    if (known?.any) return 0;
    const rows = await this.#db.query<{ language: LanguageCode; name: string }>(
      `SELECT DISTINCT t.language, c.name
         FROM translations t
        CROSS JOIN LATERAL jsonb_array_elements_text(t.categories) AS c(name)
        WHERE t.published_at IS NOT NULL`,
    );
    const categories = rows
      .map((r) => ({ language: r.language, name: r.name, slug: slugify(r.name) }))
      .filter((c) => c.slug !== '');
    if (categories.length === 0) return 0;
    await this.#db.query(
      `INSERT INTO categories (language, slug, name)
       SELECT c.language, c.slug, c.name
         FROM jsonb_to_recordset($1::jsonb) AS c(language text, slug text, name text)
       ON CONFLICT (language, slug) DO NOTHING`,
      [JSON.stringify(categories)],
    );
    return categories.length;
  }
}
