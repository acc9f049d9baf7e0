import { openStore } from '@tidings/store';
import type { Installation } from './service.ts';

/** What the store holds for a set of accepted articles, counted the way the issue states it. */
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

/**
 * Opens the installation's store (PGlite: only once its API has stopped, as it is locked) and
 * checks the fate of every accepted article: published in every language at its current
 * revision, exactly one machine version per (article, language, revision), outbox empty.
 *
 * @example
 * expect(await auditStore(tidings, ids)).toMatchObject({ duplicateVersions: 0 });
 */
export async function auditStore(
  tidings: Installation,
  articleIds: readonly string[],
): Promise<StoreAudit> {
  const store = await openStore({
    dataDir: tidings.dataDir,
    databaseUrl: tidings.env.DATABASE_URL,
  });
  try {
    const rows = await store.db.query<{
      article_id: string;
      language: string;
      status: string;
      current: boolean;
      versions: string;
    }>(
      `SELECT t.article_id, t.language, t.status, t.revision = a.current_revision AS current,
              (SELECT count(*) FROM translation_versions v
                WHERE v.article_id = t.article_id AND v.language = t.language
                  AND v.revision = a.current_revision AND v.origin = 'machine') AS versions
         FROM translations t JOIN articles a ON a.id = t.article_id
        WHERE t.language <> a.source_language AND t.article_id = ANY($1::uuid[])`,
      [articleIds],
    );
    const [duplicates] = await store.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM (
         SELECT 1 FROM translation_versions WHERE origin = 'machine'
          GROUP BY article_id, language, revision HAVING count(*) > 1) d`,
    );
    const [unfinished] = await store.db.query<{ n: string }>(
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
  } finally {
    await store.close();
  }
}

/**
 * The audit of `articles` accepted articles when nothing was lost and nothing doubled.
 *
 * @example
 * expect(await auditStore(tidings, ids)).toEqual(nothingLost(ids.length));
 */
export function nothingLost(articles: number): StoreAudit {
  return {
    pairs: articles * 5,
    publishedCurrent: articles * 5,
    wrongVersionCounts: [],
    duplicateVersions: 0,
    unfinishedRequests: 0,
  };
}

/**
 * The JSON Feed of each language, every page of it (following `next_url`), as `guid → title`
 * of its items: what subscribers see. An item listed twice throws.
 *
 * @example
 * const before = await feedItems(tidings.url, ['es']);
 */
export async function feedItems(
  baseUrl: string,
  languages: readonly string[],
): Promise<Record<string, Record<string, string>>> {
  const out: Record<string, Record<string, string>> = {};
  for (const lang of languages) {
    const items: Record<string, string> = {};
    let next: string | undefined = `${baseUrl}/feeds/${lang}/feed.json`;
    while (next) {
      const res = await fetch(next);
      if (res.status !== 200) throw new Error(`${next} answered ${res.status}`);
      const feed = (await res.json()) as {
        items: { id: string; title: string }[];
        next_url?: string;
      };
      for (const item of feed.items) {
        if (item.id in items) throw new Error(`${lang} feed lists ${item.id} twice`);
        items[item.id] = item.title;
      }
      // The feed names itself by PUBLIC_URL: ask this server for the next page.
      next = feed.next_url
        ? `${baseUrl}${new URL(feed.next_url).pathname}${new URL(feed.next_url).search}`
        : undefined;
    }
    out[lang] = items;
  }
  return out;
}
