import { databaseOf, type Store } from '../store.ts';

/** What the store holds for a set of accepted articles, counted the way a loss would show. */
export interface StoreAudit {
  /** (article, target language) pairs published at the article's current revision. */
  readonly publishedCurrent: number;
  /** (article, target language) pairs of the audited articles. */
  readonly pairs: number;
  /** Pairs without exactly one machine version at the current revision, as `id/lang: n`. */
  readonly wrongVersionCounts: string[];
  /** (article, language, revision) keys with more than one machine version, anywhere. */
  readonly duplicateVersions: number;
  /** Outbox requests not done. */
  readonly unfinishedRequests: number;
}

interface PairRow {
  article_id: string;
  language: string;
  status: string;
  current: boolean;
  versions: string;
}

/**
 * Checks the fate of every given article: published in every target language at its current
 * revision, exactly one machine version per (article, language, revision), outbox empty.
 *
 * @example
 * expect(await auditArticles(store, ids)).toMatchObject({ duplicateVersions: 0 });
 */
export async function auditArticles(
  store: Store,
  articleIds: readonly string[],
): Promise<StoreAudit> {
  const db = databaseOf(store);
  const rows = await db.query<PairRow>(
    `SELECT t.article_id, t.language, t.status, t.revision = a.current_revision AS current,
            (SELECT count(*) FROM translation_versions v
              WHERE v.article_id = t.article_id AND v.language = t.language
                AND v.revision = a.current_revision AND v.origin = 'machine') AS versions
       FROM translations t JOIN articles a ON a.id = t.article_id
      WHERE t.language <> a.source_language AND t.article_id = ANY($1::uuid[])`,
    [articleIds],
  );
  const [duplicates] = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM (
       SELECT 1 FROM translation_versions WHERE origin = 'machine'
        GROUP BY article_id, language, revision HAVING count(*) > 1) d`,
  );
  const [unfinished] = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM translation_requests WHERE state <> 'done'`,
  );
  return {
    pairs: rows.length,
    publishedCurrent: rows.filter((r) => r.status === 'published' && r.current).length,
    wrongVersionCounts: rows
      .filter((r) => Number(r.versions) !== 1)
      .map((r) => `${r.article_id}/${r.language}: ${r.versions}`),
    duplicateVersions: Number(duplicates?.n ?? 0),
    unfinishedRequests: Number(unfinished?.n ?? 0),
  };
}
