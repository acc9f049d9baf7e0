import type { Database, Queryable } from './database.ts';
import { NotFoundError } from './errors.ts';
import type {
  GlossaryChange,
  GlossaryEntry,
  GlossaryHistoryPage,
  GlossarySnapshot,
  GlossaryTermInput,
} from './types.ts';

interface ChangeRow {
  version: number;
  source: string;
  change: GlossaryChange['change'];
  term: GlossaryTermInput | null;
  author_key_id: string | null;
  author_name: string | null;
  changed_at: Date;
}

interface TermRow {
  source: string;
  from_language: GlossaryEntry['from'] | null;
  translations: GlossaryEntry['translations'] | null;
  case_sensitive: boolean;
  updated_by: string | null;
  updated_at: Date;
}

function toEntry(row: TermRow): GlossaryEntry {
  return {
    source: row.source,
    ...(row.from_language ? { from: row.from_language } : {}),
    ...(row.translations ? { translations: row.translations } : {}),
    caseSensitive: row.case_sensitive,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

// Changes take turns in every process, so a version's number is also its commit order.
const lockGlossary = (tx: Queryable) =>
  tx.query(`SELECT pg_advisory_xact_lock(hashtext('tidings:glossary:' || current_schema()))`);

async function snapshot(tx: Queryable): Promise<GlossarySnapshot> {
  const [head] = await tx.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM glossary_changes',
  );
  const rows = await tx.query<TermRow>(
    `SELECT source, from_language, translations, case_sensitive, updated_by, updated_at
     FROM glossary_terms ORDER BY source`,
  );
  return { version: Number(head?.version ?? 0), terms: rows.map(toEntry) };
}

async function upsert(
  tx: Queryable,
  term: GlossaryTermInput,
  authorKeyId: string | null,
): Promise<boolean> {
  const [existing] = await tx.query<{ source: string }>(
    'SELECT source FROM glossary_terms WHERE source = $1',
    [term.source],
  );
  const translations = term.translations ? JSON.stringify(term.translations) : null;
  await tx.query(
    `INSERT INTO glossary_terms (source, from_language, translations, case_sensitive, updated_by)
     VALUES ($1, $2, $3::jsonb, $4, $5)
     ON CONFLICT (source) DO UPDATE SET from_language = EXCLUDED.from_language,
       translations = EXCLUDED.translations, case_sensitive = EXCLUDED.case_sensitive,
       updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [term.source, term.from ?? null, translations, term.caseSensitive, authorKeyId],
  );
  await tx.query(
    `INSERT INTO glossary_changes (source, change, term, author_key_id)
     VALUES ($1, 'set', $2::jsonb, $3)`,
    [term.source, JSON.stringify(term), authorKeyId],
  );
  return !existing;
}

/**
 * The newsroom glossary (terms never translated, or always translated one way per target
 * language), versioned: every change is kept with its author and time.
 *
 * @example
 * const { snapshot } = await glossary.setTerm({ source: 'JEF', caseSensitive: true }, keyId);
 * snapshot.version; // 1
 */
export class GlossaryRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Every term, by source, and the version they make. */
  get(): Promise<GlossarySnapshot> {
    return snapshot(this.#db);
  }

  /** Adds or replaces the term written `term.source`; `created` says which. */
  setTerm(
    term: GlossaryTermInput,
    authorKeyId: string,
  ): Promise<{ created: boolean; snapshot: GlossarySnapshot }> {
    return this.#db.transaction(async (tx) => {
      await lockGlossary(tx);
      const created = await upsert(tx, term, authorKeyId);
      return { created, snapshot: await snapshot(tx) };
    });
  }

  /** Removes a term; a {@link NotFoundError} when there is none written so. */
  removeTerm(source: string, authorKeyId: string): Promise<GlossarySnapshot> {
    return this.#db.transaction(async (tx) => {
      await lockGlossary(tx);
      const gone = await tx.query<{ source: string }>(
        'DELETE FROM glossary_terms WHERE source = $1 RETURNING source',
        [source],
      );
      if (gone.length === 0) throw new NotFoundError('glossary term', source);
      await tx.query(
        `INSERT INTO glossary_changes (source, change, author_key_id) VALUES ($1, 'remove', $2)`,
        [source, authorKeyId],
      );
      return snapshot(tx);
    });
  }

  /**
   * Who changed what when, newest first: every change, or one term's (`term`), older than
   * version `before`, `limit` a page.
   */
  async history(options: {
    readonly term?: string | undefined;
    readonly before?: number | undefined;
    readonly limit: number;
  }): Promise<GlossaryHistoryPage> {
    const limit = Math.max(1, Math.floor(options.limit));
    const rows = await this.#db.query<ChangeRow>(
      `SELECT c.version, c.source, c.change, c.term, c.author_key_id, k.name AS author_name,
              c.changed_at
         FROM glossary_changes c LEFT JOIN api_keys k ON k.id = c.author_key_id
        WHERE ($1::text IS NULL OR c.source = $1) AND ($2::integer IS NULL OR c.version < $2)
        ORDER BY c.version DESC
        LIMIT ${limit + 1}`,
      [options.term ?? null, options.before ?? null],
    );
    const changes = rows.slice(0, limit).map(
      (row): GlossaryChange => ({
        version: Number(row.version),
        source: row.source,
        change: row.change,
        term: row.term,
        author:
          row.author_key_id === null
            ? null
            : { id: row.author_key_id, name: row.author_name ?? '' },
        changedAt: row.changed_at,
      }),
    );
    const last = changes.at(-1);
    return { changes, next: rows.length > limit && last ? last.version : null };
  }

  /**
   * Fills a glossary that has never been changed with `terms` (the GLOSSARY file at start; no
   * author), and returns whether it did. Once any change exists, the store's glossary wins:
   * a term an editor removed is not brought back by the next start.
   */
  seed(terms: readonly GlossaryTermInput[]): Promise<boolean> {
    return this.#db.transaction(async (tx) => {
      await lockGlossary(tx);
      const [any] = await tx.query<{ version: number }>(
        'SELECT version FROM glossary_changes LIMIT 1',
      );
      if (any || terms.length === 0) return false;
      for (const term of terms) await upsert(tx, term, null);
      return true;
    });
  }
}
