import { LANGUAGE_CODES, type LanguageCode, type Logger } from '@tidings/core';
import { translateJobId } from '@tidings/queue';
import type { RetryOutcome, Store } from '@tidings/store';
import { type Context, Hono } from 'hono';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { TranslationDispatcher } from '../dispatch/translation-dispatcher.ts';
import type { ApiEnv } from '../env.ts';
import { authenticate } from '../middleware/auth.ts';
import { ProblemError } from '../problem.ts';
import { assertVisible, languageParam } from './article-access.ts';

/** What the retry routes need. */
export interface RetryRoutesDeps {
  readonly store: Store;
  readonly dispatcher: TranslationDispatcher;
  readonly publicUrl: string;
  /** Whether the queue can take work now; when not, a retry answers 503 before storing anything. */
  readonly queueAvailable: () => boolean;
  readonly limiter?: RateLimiterAbstract | undefined;
  readonly logger: Logger;
  /** The languages served (`LANGUAGES`, default all six); no other is retried. */
  readonly languages?: readonly LanguageCode[] | undefined;
}

function retryView(base: string, articleId: string, outcome: RetryOutcome) {
  const { language } = outcome;
  return {
    language,
    outcome: outcome.outcome,
    status: outcome.status,
    job:
      outcome.outcome === 'skipped'
        ? null
        : translateJobId(
            articleId,
            outcome.request.revision,
            outcome.request.language,
            outcome.request.retry,
          ),
    reason: outcome.outcome === 'skipped' ? outcome.reason : null,
    links: { self: `${base}/v1/articles/${articleId}/${language}` },
  };
}

/**
 * `POST /v1/articles/{id}/retry` and `POST /v1/articles/{id}/{lang}/retry`: a fresh machine
 * translation of the current revision for languages that failed or await review. Idempotent:
 * while one is queued or running, the answer is `202` with that job, never a second one. An
 * editor's text is never retried: one language answers 409, the whole article skips it and
 * says why. Publishers retry their own articles; editors and admins any. `?include=published`
 * translates published machine versions again too (a changed glossary, applied to one article);
 * readers keep the published text until the new one is in.
 *
 * @example
 * app.route('/v1/articles', articleRetryRoutes({ store, dispatcher, publicUrl, queueAvailable, logger }));
 */
export function articleRetryRoutes(deps: RetryRoutesDeps): Hono<ApiEnv> {
  const { store, publicUrl } = deps;
  const app = new Hono<ApiEnv>();
  const caller = authenticate(store, ['publisher', 'editor'], deps.limiter);

  const retry = async (c: Context<ApiEnv>, languages?: readonly LanguageCode[]) => {
    const id = c.req.param('id') ?? '';
    const article = await store.getArticle(id);
    assertVisible(c.var.key, article);
    const served = deps.languages ?? LANGUAGE_CODES;
    const outside = languages?.find((l) => !served.includes(l));
    if (outside !== undefined) {
      throw new ProblemError(
        'not-found',
        `This instance serves only ${served.join(', ')} (LANGUAGES); ${outside} is not translated.`,
      );
    }
    if (!deps.queueAvailable()) {
      throw new ProblemError(
        'unavailable',
        'The queue (Redis) is not reachable; try again shortly.',
        {
          headers: { 'retry-after': '5' },
        },
      );
    }
    const include = c.req.query('include');
    if (include !== undefined && include !== 'published') {
      throw new ProblemError('validation', 'include takes one value: published.', {
        errors: [{ field: 'include', message: 'only "published"' }],
      });
    }
    const outcomes = await store.retryTranslations(
      id,
      languages ?? served.filter((l) => l !== article.sourceLanguage),
      { includePublished: include === 'published' },
    );
    const requests = outcomes.flatMap((o) => (o.outcome === 'skipped' ? [] : [o.request]));
    // The requests are committed: if enqueueing fails now, the reconciler enqueues them.
    await deps.dispatcher
      .dispatch(requests, { requestId: c.var.requestId })
      .catch((error: unknown) =>
        deps.logger.warn(
          { err: error, articleId: id, requestId: c.var.requestId },
          'enqueue failed after commit; the reconciler will enqueue',
        ),
      );
    return { id, outcomes };
  };

  app.post('/:id/retry', caller, async (c) => {
    const { id, outcomes } = await retry(c);
    const running = outcomes.some((o) => o.outcome !== 'skipped');
    return c.json(
      {
        articleId: id,
        retries: outcomes.map((o) => retryView(publicUrl, id, o)),
        links: { self: `${publicUrl}/v1/articles/${id}` },
      },
      running ? 202 : 200,
    );
  });

  app.post('/:id/:lang/retry', caller, async (c) => {
    const language = languageParam(c);
    const { id, outcomes } = await retry(c, [language]);
    const [outcome] = outcomes;
    if (!outcome) throw new Error(`No retry outcome for ${language}`);
    if (outcome.outcome === 'skipped') {
      throw new ProblemError('conflict', `Nothing to retry: ${outcome.reason}.`);
    }
    return c.json(
      {
        articleId: id,
        retries: [retryView(publicUrl, id, outcome)],
        links: { self: `${publicUrl}/v1/articles/${id}/${language}` },
      },
      202,
    );
  });

  return app;
}
