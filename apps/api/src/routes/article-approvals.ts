import { type LanguageCode, translationEditSchema } from '@tidings/core';
import type { Store } from '@tidings/store';
import { Hono } from 'hono';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ApiEnv } from '../env.ts';
import { authenticate } from '../middleware/auth.ts';
import { readJson } from '../middleware/json-body.ts';
import { servedLanguageParam } from './article-access.ts';
import type { ArticleCommands } from './article-commands.ts';
import { translationAnswer } from './article-view.ts';

/** What the approval route needs. */
export interface ApprovalRoutesDeps {
  readonly store: Store;
  readonly publicUrl: string;
  /** The write path shared with the desk. */
  readonly commands: ArticleCommands;
  readonly limiter?: RateLimiterAbstract | undefined;
  /** The languages served (`LANGUAGES`, default all six); another one is a 404. */
  readonly languages?: readonly LanguageCode[] | undefined;
}

/**
 * `POST /v1/articles/{id}/{lang}/approve` (editor): publishes a draft held for review as it is
 * (no body: it goes live as the machine's, marked approved) or with an edit in the same call
 * (a JSON body like `PUT /v1/articles/{id}/{lang}`: it goes live as the editor's, `edited`).
 * Who approved it and when is recorded. 409 when the language has no draft awaiting review.
 *
 * @example
 * app.route('/v1/articles', articleApprovalRoutes({ store, publicUrl, commands }));
 */
export function articleApprovalRoutes(deps: ApprovalRoutesDeps): Hono<ApiEnv> {
  const { store } = deps;
  const app = new Hono<ApiEnv>();
  const editor = authenticate(store, ['editor'], deps.limiter);

  app.post('/:id/:lang/approve', editor, async (c) => {
    const language = servedLanguageParam(c, deps.languages);
    const sent =
      c.req.header('content-type') !== undefined ||
      Number(c.req.header('content-length') ?? '0') > 0 ||
      c.req.header('transfer-encoding') !== undefined;
    const input = sent ? await readJson(c, translationEditSchema) : undefined;
    const translation = await deps.commands.approve(
      { key: c.var.key, requestId: c.var.requestId },
      c.req.param('id'),
      language,
      input,
    );
    return c.json(await translationAnswer(c, deps, translation));
  });

  return app;
}
