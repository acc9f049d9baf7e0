import { type LanguageCode, type TranslationStatus, targetsOf } from '@tidings/core';
import type { Database, Queryable } from './database.ts';
import { ConflictError, NotFoundError } from './errors.ts';
import { type LockedTranslation, lockTranslation } from './insert-version.ts';
import { reopenRequest } from './outbox-repository.ts';
import { isStoreId } from './read-article.ts';
import { EDITOR_OWNED } from './translations-repository.ts';
import type { RetryOutcome } from './types.ts';

/** Statuses a retry starts a fresh machine translation for. */
const RETRYABLE = ['failed', 'needs_review'] as const;

/** Statuses in which the try that stalled is still the one the language waits for. */
const STALLED_WAITING = ['queued', 'translating', 'failed'] as const;

/**
 * A retry the API asks for itself, because BullMQ failed a try's job for stalling too often
 * (its workers died or lost Redis while holding it): which try stalled, and how many such
 * retries a revision may have.
 */
export interface StalledRetry {
  readonly revision: number;
  /** The retry number of the try that stalled (0 for the first translation). */
  readonly retry: number;
  /** At most this many automatic retries per revision (`STALLED_RETRIES`). */
  readonly limit: number;
}

async function lockArticle(tx: Queryable, articleId: string) {
  const [article] = isStoreId(articleId)
    ? await tx.query<{ source_language: LanguageCode; retracted_at: Date | null }>(
        'SELECT source_language, retracted_at FROM articles WHERE id = $1 FOR UPDATE',
        [articleId],
      )
    : [];
  if (!article) throw new NotFoundError('article', articleId);
  if (article.retracted_at) {
    throw new ConflictError('retracted', `Article ${articleId} was retracted`, { id: articleId });
  }
  return article;
}

/**
 * Whether the try that stalled is still the one this language waits for, and may be retried;
 * otherwise why not (a result or an editor's text came in, or a newer try or revision).
 */
async function stalledTryOutcome(
  tx: Queryable,
  articleId: string,
  language: LanguageCode,
  current: LockedTranslation,
  stalled: StalledRetry,
): Promise<RetryOutcome | { stalledRetries: number }> {
  const request = { articleId, revision: current.revision, language, retry: current.retry };
  const waiting = (STALLED_WAITING as readonly string[]).includes(current.status);
  const sameTry = current.revision === stalled.revision && current.retry === stalled.retry;
  if (!sameTry && (current.status === 'queued' || current.status === 'translating')) {
    // This stall was retried already (the result that said so is delivered again).
    return { language, outcome: 'already', status: current.status, request };
  }
  if (!sameTry || !waiting) {
    return {
      language,
      outcome: 'skipped',
      status: current.status,
      skip: {
        code: 'retry-superseded',
        language,
        status: current.status,
        revision: current.revision,
        retry: current.retry,
      },
      reason: `the ${language} version no longer waits for the try that stalled (it is ${current.status}, revision ${current.revision}, retry ${current.retry})`,
    };
  }
  const [row] = await tx.query<{ stalled_retries: number }>(
    'SELECT stalled_retries FROM translations WHERE article_id = $1 AND language = $2',
    [articleId, language],
  );
  const stalledRetries = row?.stalled_retries ?? 0;
  if (stalledRetries >= stalled.limit) {
    return {
      language,
      outcome: 'skipped',
      status: current.status,
      skip: {
        code: 'retry-stall-limit',
        language,
        stalls: stalledRetries + 1,
        retries: stalledRetries,
        limit: stalled.limit,
      },
      reason: `the ${language} version's jobs were failed for stalling ${stalledRetries + 1} times; it was retried automatically ${stalledRetries} times, the limit (STALLED_RETRIES)`,
      stalledRetries,
    };
  }
  return { stalledRetries: stalledRetries + 1 };
}

async function retryOne(
  tx: Queryable,
  articleId: string,
  language: LanguageCode,
  stalled?: StalledRetry,
  includePublished = false,
): Promise<RetryOutcome> {
  const current = await lockTranslation(tx, articleId, language);
  const request = { articleId, revision: current.revision, language, retry: current.retry };
  // A person's retry gives the revision its automatic retries after stalling afresh.
  let stalledRetries = 0;
  if (stalled) {
    const checked = await stalledTryOutcome(tx, articleId, language, current, stalled);
    if ('outcome' in checked) return checked;
    stalledRetries = checked.stalledRetries;
  } else if (current.status === 'queued' || current.status === 'translating') {
    // One is on its way already: the caller is given that job, never a second one.
    return { language, outcome: 'already', status: current.status, request };
  }
  if (EDITOR_OWNED.includes(current.status)) {
    return {
      language,
      outcome: 'skipped',
      status: current.status,
      skip: { code: 'retry-editor-owned', language, status: current.status },
      reason: `the ${language} version is an editor's correction (${current.status}); a retry never replaces it`,
    };
  }
  const retryable: readonly TranslationStatus[] = includePublished
    ? [...RETRYABLE, 'published']
    : RETRYABLE;
  if (!stalled && !(retryable as readonly string[]).includes(current.status)) {
    return {
      language,
      outcome: 'skipped',
      status: current.status,
      skip: { code: 'retry-not-retryable', language, status: current.status, retryable },
      reason: includePublished
        ? `the ${language} version is ${current.status}; only failed, needs_review and published versions are retried`
        : `the ${language} version is ${current.status}; only failed and needs_review versions are retried`,
    };
  }
  const retry = current.retry + 1;
  await tx.query(
    `UPDATE translations
        SET status = 'queued', retry = $3, reason = NULL, reasons = NULL, stalled_retries = $4,
            queued_at = now(), started_at = NULL, finished_at = NULL
      WHERE article_id = $1 AND language = $2`,
    [articleId, language, retry, stalledRetries],
  );
  const fresh = { ...request, retry };
  await reopenRequest(tx, fresh);
  return { language, outcome: 'queued', status: 'queued', request: fresh, stalledRetries };
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
   *
   * With `options.stalled` it is the API's own retry of a try whose job BullMQ failed for
   * stalling: queued only while the language still waits for that very try and the revision
   * has had fewer than `limit` such retries (`already` when it was retried before, so a
   * result delivered twice makes one job; skipped, saying why, otherwise). An editor's text
   * is never retried either way.
   *
   * With `options.includePublished` a published machine version is translated again too (to
   * apply a changed glossary to one article); readers keep seeing it until the new one is in.
   */
  retryTranslations(
    articleId: string,
    languages?: readonly LanguageCode[],
    options: { readonly stalled?: StalledRetry; readonly includePublished?: boolean } = {},
  ): Promise<RetryOutcome[]> {
    return this.#db.transaction(async (tx) => {
      // The article's lock orders a retry after a revision or retraction in progress.
      const { source_language: sourceLanguage } = await lockArticle(tx, articleId);
      if (languages?.includes(sourceLanguage)) {
        throw new ConflictError(
          'source_language',
          `${sourceLanguage} is the source language of article ${articleId}; it is not translated`,
          { id: articleId, lang: sourceLanguage },
        );
      }
      const outcomes: RetryOutcome[] = [];
      for (const language of languages ?? targetsOf(sourceLanguage)) {
        outcomes.push(
          await retryOne(tx, articleId, language, options.stalled, options.includePublished),
        );
      }
      return outcomes;
    });
  }
}
