import type { Database, Queryable } from './database.ts';
import { toContent } from './rows.ts';
import type { MemoryLesson } from './types.ts';

/**
 * Adds a lesson for the translation memory, in the caller's transaction: an editor's version
 * (a correction, or an approval) is committed together with the note that Redis must learn it.
 *
 * @example
 * await addMemoryLesson(tx, versionId);
 */
export async function addMemoryLesson(tx: Queryable, versionId: string): Promise<void> {
  await tx.query('INSERT INTO memory_lessons (version_id) VALUES ($1) ON CONFLICT DO NOTHING', [
    versionId,
  ]);
}

interface LessonRow {
  version_id: string;
  article_id: string;
  language: MemoryLesson['language'];
  source_language: MemoryLesson['sourceLanguage'];
  attempts: number;
  image_url: string | null;
  s_title: string;
  s_summary: string;
  s_body: string;
  s_categories: string[];
  s_image_alt: string | null;
  title: string;
  summary: string;
  body: string;
  categories: string[];
  image_alt: string | null;
}

/**
 * The memory's lessons: what an editor corrected or approved, waiting to be written to the
 * translation memory. The API teaches a lesson right after its commit and deletes it; a
 * lesson left (Redis was down, the API stopped) is found by {@link list} and taught again.
 *
 * @example
 * for (const lesson of await lessons.list({ olderThanMs: 5_000 })) { await teach(lesson); await lessons.finish(lesson.versionId); }
 */
export class MemoryLessonsRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** One lesson, or `undefined` once it was learnt (or its article deleted). */
  async get(versionId: string): Promise<MemoryLesson | undefined> {
    const [lesson] = await this.#select('l.version_id = $1', [versionId], 1);
    return lesson;
  }

  /** Lessons committed at least `olderThanMs` ago, oldest first. */
  list(options: {
    readonly olderThanMs: number;
    readonly limit?: number;
  }): Promise<MemoryLesson[]> {
    return this.#select(
      `l.created_at <= now() - ($1::integer * interval '1 millisecond')`,
      [options.olderThanMs],
      options.limit ?? 50,
    );
  }

  /** The memory learnt it: the lesson is gone. */
  async finish(versionId: string): Promise<void> {
    await this.#db.query('DELETE FROM memory_lessons WHERE version_id = $1', [versionId]);
  }

  /** Teaching failed this time; counted, with the error kept for an operator. */
  async fail(versionId: string, error: string): Promise<void> {
    await this.#db.query(
      'UPDATE memory_lessons SET attempts = attempts + 1, last_error = $2 WHERE version_id = $1',
      [versionId, error.slice(0, 500)],
    );
  }

  async #select(where: string, params: unknown[], limit: number): Promise<MemoryLesson[]> {
    const rows = await this.#db.query<LessonRow>(
      `SELECT l.version_id::text AS version_id, v.article_id, v.language, a.source_language,
              l.attempts, r.image_url,
              r.title AS s_title, r.summary AS s_summary, r.body AS s_body,
              r.categories AS s_categories, r.image_alt AS s_image_alt,
              v.title, v.summary, v.body, v.categories, v.image_alt
         FROM memory_lessons l
         JOIN translation_versions v ON v.id = l.version_id
         JOIN articles a ON a.id = v.article_id
         JOIN revisions r ON r.article_id = v.article_id AND r.revision = v.revision
        WHERE ${where}
        ORDER BY l.created_at, l.version_id
        LIMIT ${Math.max(1, Math.floor(limit))}`,
      params,
    );
    return rows.flatMap((row) => {
      const source = toContent(
        {
          title: row.s_title,
          summary: row.s_summary,
          body: row.s_body,
          categories: row.s_categories,
          image_alt: row.s_image_alt,
        },
        row.image_url,
      );
      const corrected = toContent(row, row.image_url);
      if (!source || !corrected) return [];
      const { version_id: versionId, article_id: articleId, language, attempts } = row;
      return [
        {
          versionId,
          articleId,
          language,
          sourceLanguage: row.source_language,
          attempts,
          source,
          corrected,
        },
      ];
    });
  }
}
