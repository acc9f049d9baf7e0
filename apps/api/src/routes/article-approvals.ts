import {
  type ArticleContent,
  DEFAULT_MAX_ARTICLE_CHARS,
  type LanguageCode,
  type SegmentOrigins,
  translationEditSchema,
} from '@tidings/core';
import type { Store } from '@tidings/store';
import { Hono } from 'hono';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { MemoryTeacher } from '../dispatch/memory-teacher.ts';
import type { ApiEnv } from '../env.ts';
import { authenticate } from '../middleware/auth.ts';
import { readJson } from '../middleware/json-body.ts';
import { servedLanguageParam } from './article-access.ts';
import { translationView } from './article-view.ts';
import { cleanEdit } from './clean-edit.ts';
import { editOrigins } from './edit-origins.ts';

/** What the approval route needs. */
export interface ApprovalRoutesDeps {
  readonly store: Store;
  readonly publicUrl: string;
  readonly limiter?: RateLimiterAbstract | undefined;
  /** Largest edit in characters once cleaned (MAX_ARTICLE_CHARS). */
  readonly maxArticleChars?: number | undefined;
  /** Called after an article's published content changed (feeds refresh). */
  readonly onChange?: (articleId: string) => void;
  /** The languages served (`LANGUAGES`, default all six); another one is a 404. */
  readonly languages?: readonly LanguageCode[] | undefined;
  /** Teaches the translation memory each approval; approvals teach nothing without it. */
  readonly teacher?: Pick<MemoryTeacher, 'editOrigins' | 'teachSoon'> | undefined;
}

/**
 * `POST /v1/articles/{id}/{lang}/approve` (editor): publishes a draft held for review as it is
 * (no body: it goes live as the machine's, marked approved) or with an edit in the same call
 * (a JSON body like `PUT /v1/articles/{id}/{lang}`: it goes live as the editor's, `edited`).
 * Who approved it and when is recorded. 409 when the language has no draft awaiting review.
 *
 * @example
 * app.route('/v1/articles', articleApprovalRoutes({ store, publicUrl }));
 */
export function articleApprovalRoutes(deps: ApprovalRoutesDeps): Hono<ApiEnv> {
  const { store, publicUrl } = deps;
  const maxArticleChars = deps.maxArticleChars ?? DEFAULT_MAX_ARTICLE_CHARS;
  const app = new Hono<ApiEnv>();
  const editor = authenticate(store, ['editor'], deps.limiter);

  app.post('/:id/:lang/approve', editor, async (c) => {
    const language = servedLanguageParam(c, deps.languages);
    const sent =
      c.req.header('content-type') !== undefined ||
      Number(c.req.header('content-length') ?? '0') > 0 ||
      c.req.header('transfer-encoding') !== undefined;
    const id = c.req.param('id');
    let edit: ArticleContent | undefined;
    let origins: SegmentOrigins | undefined;
    if (sent) {
      const input = await readJson(c, translationEditSchema);
      const article = await store.getArticle(id);
      edit = cleanEdit(input, article.content.image, maxArticleChars);
      origins = await editOrigins(deps.teacher, article, language, edit);
    }
    const translation = await store.approveTranslation(id, language, c.var.key.id, edit, origins);
    deps.teacher?.teachSoon();
    deps.onChange?.(translation.articleId);
    return c.json(translationView(publicUrl, translation));
  });

  return app;
}
