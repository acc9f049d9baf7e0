import { openStore } from '@tidings/store';
import { auditArticles, type StoreAudit } from '@tidings/store/testing';
import type { Installation } from './service.ts';

/**
 * Opens the installation's store (PGlite: only once its API has stopped, as it is locked) and
 * audits every accepted article there (see `auditArticles`).
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
    return await auditArticles(store, articleIds);
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
