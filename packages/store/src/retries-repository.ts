import { type LanguageCode, targetsOf } from '@tidings/core';
import { ConflictError } from './conflict-error.ts';
import type { Database, Queryable } from './database.ts';
import { NotFoundError } from './not-found-error.ts';
import { reopenRequest } from './outbox-repository.ts';
import { isStoreId } from './read-article.ts';
import { EDITOR_OWNED, lockTranslation } from './translations-repository.ts';
import type { RetryOutcome } from './types.ts';

/** Statuses a retry starts a fresh machine translation for. */
const RETRYABLE = ['failed', 'needs_review'] as const;

async function lockArticle(tx: Queryable, articleId: string) {
  const [article] = isStoreId(articleId)
    ? await tx.query<{ source_language: LanguageCode; retracted_at: Date | null }>(
        'SELECT source_language, retracted_at FROM articles WHERE id = $1 FOR UPDATE',
        [articleId],
      )
    : [];
  if (!article) throw new NotFoundError('article', articleId);
  if (article.retracted_at) {
    throw new ConflictError('retracted', `Article ${articleId} was retracted`);
  }
  return article;
}

async function retryOne(
  tx: Queryable,
  articleId: string,
  language: LanguageCode,
): Promise<RetryOutcome> {
  const current = await lockTranslation(tx, articleId, language);
  const request = { articleId, revision: current.revision, language, retry: current.retry };
  if (current.status === 'queued' || current.status === 'translating') {
    // One is on its way already: the caller is given that job, never a second one.
    return { language, outcome: 'already', status: current.status, request };
  }
  if (EDITOR_OWNED.includes(current.status)) {
    return {
      language,
      outcome: 'skipped',
      status: current.status,
      reason: `the ${language} version is an editor's correction (${current.status}); a retry never replaces it`,
    };
  }
  if (!(RETRYABLE as readonly string[]).includes(current.status)) {
    return {
      language,
      outcome: 'skipped',
      status: current.status,
      reason: `the ${language} version is ${current.status}; only failed and needs_review versions are retried`,
    };
  }
  const retry = current.retry + 1;
  await tx.query(
    `UPDATE translations
        SET status = 'queued', retry = $3, reason = NULL,
            queued_at = now(), started_at = NULL, finished_at = NULL
      WHERE article_id = $1 AND language = $2`,
    [articleId, language, retry],
  );
  const fresh = { ...request, retry };
  await reopenRequest(tx, fresh);
  return { language, outcome: 'queued', status: 'queued', request: fresh };
}

/**
 * Retries: a fresh machine translation of an article's current revision for languages that
 * failed or await review. Idempotent under concurrency: the language's row lock makes the
 * first caller queue the retry and every later one (while it is queued or running) get that
 * same request back. An editor's text is never retried.
 *
 * @example
 * const [de] = await retries.retryTranslations(articleId, ['de']);
 * if (de?.outcome === 'queued') await dispatcher.dispatch([de.request]);
 */
export class RetriesRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /**
   * Asks for a retry of each of `languages` (every target language when absent), in one
   * transaction; says per language whether a job was queued, one was already on its way,
   * or why it was skipped. The source language is refused ({@link ConflictError}), as is a
   * retracted article; an unknown article is a {@link NotFoundError}.
   */
  retryTranslations(
    articleId: string,
    languages?: readonly LanguageCode[],
  ): Promise<RetryOutcome[]> {
    return this.#db.transaction(async (tx) => {
      // The article's lock orders a retry after a revision or retraction in progress.
      const { source_language: sourceLanguage } = await lockArticle(tx, articleId);
      if (languages?.includes(sourceLanguage)) {
        throw new ConflictError(
          'source_language',
          `${sourceLanguage} is the source language of article ${articleId}; it is not translated`,
        );
      }
      const outcomes: RetryOutcome[] = [];
      for (const language of languages ?? targetsOf(sourceLanguage)) {
        outcomes.push(await retryOne(tx, articleId, language));
      }
      return outcomes;
    });
  }
}
