import type { ApiClient } from './api/api-client.ts';
import { ApiProblemError } from './api/api-problem-error.ts';
import { type ArticleView, FINAL_STATUSES } from './api/views.ts';
import { CliError } from './cli-error.ts';

/** How {@link waitForLanguages} polls. */
export interface WaitOptions {
  /** Give up after this long. */
  readonly timeoutMs: number;
  /** Time between two reads of the article; default 500 ms. */
  readonly intervalMs?: number;
  /** Called with every state read, for a progress display. */
  readonly onUpdate?: (article: ArticleView) => void;
}

/** How the wait ended: every language final, or the time ran out; with the last state read. */
export interface WaitOutcome {
  readonly article: ArticleView;
  readonly done: boolean;
}

/**
 * Whether no language of an article is still queued or being translated.
 *
 * @example
 * isSettled(article); // true once every language is published, failed, edited…
 */
export function isSettled(article: ArticleView): boolean {
  return Object.entries(article.languages).every(
    ([code, state]) =>
      code === article.sourceLanguage || !state || FINAL_STATUSES.has(state.status),
  );
}

/** An API that is restarting (unreachable, or answering 503) is waited for, not given up on. */
const transient = (error: unknown) =>
  error instanceof CliError || (error instanceof ApiProblemError && error.status === 503);

/**
 * Reads an article until every language is final (published, needs_review, failed, edited,
 * stale) or the timeout passes. An API that goes away meanwhile is waited for until then.
 *
 * @example
 * const { article, done } = await waitForLanguages(api, id, { timeoutMs: 600_000 });
 */
export async function waitForLanguages(
  api: ApiClient,
  id: string,
  options: WaitOptions,
): Promise<WaitOutcome> {
  const until = Date.now() + options.timeoutMs;
  for (;;) {
    let article: ArticleView | undefined;
    try {
      ({ body: article } = await api.request<ArticleView>(
        'GET',
        `/v1/articles/${encodeURIComponent(id)}`,
      ));
    } catch (error) {
      if (!transient(error) || Date.now() >= until) throw error;
    }
    if (article) {
      options.onUpdate?.(article);
      if (isSettled(article)) return { article, done: true };
      if (Date.now() >= until) return { article, done: false };
    }
    await new Promise((r) =>
      setTimeout(r, Math.min(options.intervalMs ?? 500, Math.max(0, until - Date.now()))),
    );
  }
}
