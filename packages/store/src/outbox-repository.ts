import type { LanguageCode } from '@tidings/core';
import type { Database } from './database.ts';
import type { TranslationRequest, TranslationRequestKey } from './types.ts';

interface RequestRow {
  article_id: string;
  revision: number;
  language: LanguageCode;
  state: TranslationRequest['state'];
  attempts: number;
  created_at: Date;
  enqueued_at: Date | null;
}

/**
 * The outbox of translation requests, as the API and its reconciler see it: requests are
 * written with their article, enqueued after the commit, and done when a result (or a
 * final failure, a newer revision, a retraction) arrives. Redis is not the record.
 *
 * @example
 * const { requests } = await store.createArticle(input);
 * await dispatcher.dispatch(requests); // adds the jobs, then store.markRequestsEnqueued(requests)
 */
export class OutboxRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Notes that these requests were handed to the queue; returns how many were still open. */
  async markRequestsEnqueued(keys: readonly TranslationRequestKey[]): Promise<number> {
    if (keys.length === 0) return 0;
    const rows = await this.#db.query(
      `UPDATE translation_requests r
          SET state = 'enqueued', enqueued_at = now(), attempts = r.attempts + 1
         FROM jsonb_to_recordset($1::jsonb) AS k("articleId" uuid, revision integer, language text)
        WHERE r.article_id = k."articleId" AND r.revision = k.revision AND r.language = k.language
          AND r.state <> 'done'
        RETURNING 1`,
      [JSON.stringify(keys)],
    );
    return rows.length;
  }

  /**
   * Requests the reconciler should enqueue (again), oldest first: pending ones (never
   * enqueued: the API stopped between commit and enqueue) that have waited at least
   * `pendingOlderThanMs` since creation (default `olderThanMs`), and enqueued ones with no
   * result that have waited at least `olderThanMs` since last enqueued. Enqueuing twice is
   * harmless: the job id is derived from the request.
   */
  async listUnfinishedRequests(options: {
    olderThanMs: number;
    pendingOlderThanMs?: number;
    limit?: number;
  }): Promise<TranslationRequest[]> {
    const rows = await this.#db.query<RequestRow>(
      `SELECT article_id, revision, language, state, attempts, created_at, enqueued_at
         FROM translation_requests
        WHERE state <> 'done'
          AND COALESCE(enqueued_at, created_at) <= now() - make_interval(secs => (
                CASE WHEN state = 'pending' THEN $3 ELSE $1 END)::double precision / 1000)
        ORDER BY created_at, article_id, language
        LIMIT $2`,
      [
        options.olderThanMs,
        options.limit ?? 500,
        options.pendingOlderThanMs ?? options.olderThanMs,
      ],
    );
    return rows.map((r) => ({
      articleId: r.article_id,
      revision: r.revision,
      language: r.language,
      state: r.state,
      attempts: r.attempts,
      createdAt: r.created_at,
      enqueuedAt: r.enqueued_at,
    }));
  }
}
