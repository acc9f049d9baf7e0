import type { LanguageCode, RetrySkipData } from '@tidings/core';
import { retrySkipText, translatorFor } from '@tidings/i18n';
import { translateJobId } from '@tidings/queue';
import type { RetryOutcome, Store } from '@tidings/store';
import { type Context, Hono } from 'hono';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ApiEnv } from '../env.ts';
import { fieldProblem } from '../field-problem.ts';
import { authenticate } from '../middleware/auth.ts';
import { requestLanguage } from '../preferred-language.ts';
import { ProblemError } from '../problem.ts';
import { nothingToRetry } from '../store-problem.ts';
import { languageParam } from './article-access.ts';
import type { ArticleCommands } from './article-commands.ts';

/** What the retry routes need. */
export interface RetryRoutesDeps {
  readonly store: Store;
  readonly publicUrl: string;
  /** The write path shared with the desk; it refuses a language not served (`LANGUAGES`). */
  readonly commands: ArticleCommands;
  readonly limiter?: RateLimiterAbstract | undefined;
}

/**
 * Why a retry was skipped, as data with its sentence (`text`) in the language the request asks
 * for (`Accept-Language`, as problems choose theirs; English when none of the six is asked for).
 *
 * @example
 * retrySkipView({ code: 'retry-editor-owned', language: 'de', status: 'edited' }, 'de');
 * // { code: 'retry-editor-owned', language: 'de', status: 'edited', text: 'die de-Fassung ist …' }
 */
export function retrySkipView(skip: RetrySkipData, acceptLanguage?: string) {
  const t = translatorFor(requestLanguage(acceptLanguage));
  return { ...skip, text: retrySkipText(t, skip) };
}

function retryView(
  base: string,
  articleId: string,
  outcome: RetryOutcome,
  acceptLanguage: string | undefined,
) {
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
    reasons: outcome.outcome === 'skipped' ? [retrySkipView(outcome.skip, acceptLanguage)] : [],
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
 * app.route('/v1/articles', articleRetryRoutes({ store, publicUrl, commands }));
 */
export function articleRetryRoutes(deps: RetryRoutesDeps): Hono<ApiEnv> {
  const { store, publicUrl } = deps;
  const app = new Hono<ApiEnv>();
  const caller = authenticate(store, ['publisher', 'editor'], deps.limiter);

  const retry = async (c: Context<ApiEnv>, languages?: readonly LanguageCode[]) => {
    const id = c.req.param('id') ?? '';
    const include = c.req.query('include');
    if (include !== undefined && include !== 'published') {
      throw new ProblemError(
        'validation',
        { key: 'include-invalid' },
        {
          errors: [fieldProblem('include', 'include-published')],
        },
      );
    }
    const outcomes = await deps.commands.retry(
      { key: c.var.key, requestId: c.var.requestId },
      id,
      languages,
      { includePublished: include === 'published' },
    );
    return { id, outcomes };
  };

  app.post('/:id/retry', caller, async (c) => {
    const { id, outcomes } = await retry(c);
    const running = outcomes.some((o) => o.outcome !== 'skipped');
    return c.json(
      {
        articleId: id,
        retries: outcomes.map((o) => retryView(publicUrl, id, o, c.req.header('accept-language'))),
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
      throw nothingToRetry(outcome);
    }
    return c.json(
      {
        articleId: id,
        retries: [retryView(publicUrl, id, outcome, c.req.header('accept-language'))],
        links: { self: `${publicUrl}/v1/articles/${id}/${language}` },
      },
      202,
    );
  });

  return app;
}
