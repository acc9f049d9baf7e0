import type { LanguageCode } from '@tidings/core';
import type { Database, Queryable } from './database.ts';
import type { TranslationRequest, TranslationRequestKey } from './types.ts';

/** What the mark statement returns per request marked: its transaction's commit mode. */
interface MarkRow {
  commit_mode: string;
}

interface RequestRow {
  article_id: string;
  revision: number;
  language: LanguageCode;
  state: TranslationRequest['state'];
  attempts: number;
  retry: number;
  created_at: Date;
  enqueued_at: Date | null;
}

/**
 * Writes, in the caller's transaction, one pending request per target language of a new
 * revision, and marks every request for an older revision done: the reconciler must not
 * revive a superseded one. Returns the new requests, to enqueue after the commit.
 *
 * @example
 * const requests = await requestTranslations(tx, articleId, 2, targetsOf('uk'));
 */
export async function requestTranslations(
  tx: Queryable,
  articleId: string,
  revision: number,
  languages: readonly LanguageCode[],
): Promise<TranslationRequestKey[]> {
  await tx.query(
    `UPDATE translation_requests SET state = 'done', done_at = now()
      WHERE article_id = $1 AND revision < $2 AND state <> 'done'`,
    [articleId, revision],
  );
  await tx.query(
    `INSERT INTO translation_requests (article_id, revision, language)
     SELECT $1, $2, language FROM jsonb_array_elements_text($3::jsonb) AS t(language)
     ON CONFLICT DO NOTHING`,
    [articleId, revision, JSON.stringify(languages)],
  );
  return languages.map((language) => ({ articleId, revision, language }));
}

/**
 * Marks one request done, in the caller's transaction: its result, its final failure or an
 * editor's text arrived. Done stays done. With `key.retry`, a request for a later retry stays
 * open: the result of an earlier attempt does not answer it.
 *
 * @example
 * await finishRequest(tx, { articleId, revision: 1, language: 'de' });
 */
export async function finishRequest(tx: Queryable, key: TranslationRequestKey): Promise<void> {
  await tx.query(
    `UPDATE translation_requests SET state = 'done', done_at = now()
      WHERE article_id = $1 AND language = $2 AND revision = $3 AND state <> 'done'
        AND ($4::integer IS NULL OR retry <= $4::integer)`,
    [key.articleId, key.language, key.revision, key.retry ?? null],
  );
}

/**
 * Reopens one request for a retry, in the caller's transaction: pending again, under its new
 * retry number, for the dispatcher (or, if the API stops first, the reconciler) to enqueue.
 *
 * @example
 * await reopenRequest(tx, { articleId, revision: 1, language: 'de', retry: 1 });
 */
export async function reopenRequest(
  tx: Queryable,
  key: TranslationRequestKey & { readonly retry: number },
): Promise<void> {
  await tx.query(
    `INSERT INTO translation_requests (article_id, revision, language, retry)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (article_id, revision, language) DO UPDATE
        SET state = 'pending', retry = EXCLUDED.retry, created_at = now(),
            enqueued_at = NULL, done_at = NULL`,
    [key.articleId, key.revision, key.language, key.retry],
  );
}

/**
 * Marks every open request of an article done, in the caller's transaction (a retraction:
 * nothing more is to be translated).
 *
 * @example
 * await finishArticleRequests(tx, articleId);
 */
export async function finishArticleRequests(tx: Queryable, articleId: string): Promise<void> {
  await tx.query(
    `UPDATE translation_requests SET state = 'done', done_at = now()
      WHERE article_id = $1 AND state <> 'done'`,
    [articleId],
  );
}

/**
 * The outbox of translation requests (`translation_requests`), its whole life in this file:
 * requests are written with their revision ({@link requestTranslations}), enqueued after the
 * commit ({@link OutboxRepository.markRequestsEnqueued}), re-enqueued by the reconciler while
 * unfinished ({@link OutboxRepository.listUnfinishedRequests}), and done when a result, a
 * final failure or an editor's text arrives ({@link finishRequest}), or the article is
 * retracted ({@link finishArticleRequests}). Redis is not the record.
 *
 * @example
 * const { requests } = await store.createArticle(input);
 * await dispatcher.dispatch(requests); // adds the jobs; marks them enqueued later, batched
 */
export class OutboxRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /**
   * Notes that these requests were handed to the queue; returns how many were still open.
   *
   * The mark commits without waiting for PostgreSQL to flush it to disk (`synchronous_commit`
   * off for its own transaction only): a mark lost in a crash of the database server leaves its
   * request as it was, which the reconciler hands over again (the job id makes that add no
   * second job), and any later durable commit flushes it with its own, since the log is written
   * in order. The wait was a disk flush per mark statement, on the same log as the posts'
   * commits, which do wait for theirs.
   */
  async markRequestsEnqueued(keys: readonly TranslationRequestKey[]): Promise<number> {
    if (keys.length === 0) return 0;
    // The articles' ids again as an array: the planner cannot count a jsonb record set's rows
    // (it guesses 100) and scanned the whole table, which grows with every article; `= ANY`
    // of the ids it can count, so it looks the requests up in the primary key.
    const articles = [...new Set(keys.map((k) => k.articleId))];
    // set_config(…, true) is SET LOCAL inside the statement's own transaction: one round trip,
    // where BEGIN, SET LOCAL, the update and COMMIT took four.
    const rows = await this.#db.query<MarkRow>(
      `UPDATE translation_requests r
          SET state = 'enqueued', enqueued_at = now(), attempts = r.attempts + 1
         FROM jsonb_to_recordset($1::jsonb)
              AS k("articleId" uuid, revision integer, language text, retry integer),
              (SELECT set_config('synchronous_commit', 'off', true)) AS lazy(commit_mode)
        WHERE r.article_id = ANY($2::uuid[])
          AND r.article_id = k."articleId" AND r.revision = k.revision AND r.language = k.language
          AND r.retry = COALESCE(k.retry, 0) AND r.state <> 'done'
        RETURNING lazy.commit_mode`,
      [JSON.stringify(keys), articles],
      { name: 'tidings-mark-requests-enqueued' },
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
      `SELECT article_id, revision, language, state, attempts, retry, created_at, enqueued_at
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
      retry: r.retry,
      state: r.state,
      attempts: r.attempts,
      createdAt: r.created_at,
      enqueuedAt: r.enqueued_at,
    }));
  }
}
