import { LANGUAGE_CODES, storableText, TRANSLATION_STATUSES } from '@tidings/core';
import type { ArticleSummary, Store } from '@tidings/store';
import { Hono } from 'hono';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { z } from 'zod';
import type { ApiEnv } from '../env.ts';
import { authenticate } from '../middleware/auth.ts';
import { validated } from '../middleware/json-body.ts';
import { requestLanguage } from '../preferred-language.ts';
import { ProblemError } from '../problem.ts';
import { languageView } from './article-view.ts';
import { type KeyNames, keyNames } from './key-names.ts';

/** What `GET /v1/articles` takes in its query string. */
export const listingQuerySchema = z.strictObject({
  status: z.enum(TRANSLATION_STATUSES).optional(),
  language: z.enum(LANGUAGE_CODES).optional(),
  q: storableText(z.string().trim().min(1).max(200)).optional(),
  publisher: z.uuid('key-id').optional(),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

function summaryView(base: string, article: ArticleSummary, names: KeyNames) {
  return {
    id: article.id,
    slug: article.slug,
    title: article.title,
    sourceLanguage: article.sourceLanguage,
    revision: article.revision,
    createdAt: article.createdAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
    languages: Object.fromEntries(
      article.languages.map((state) => [state.language, languageView(base, article, state, names)]),
    ),
    links: { self: `${base}/v1/articles/${article.id}` },
  };
}

/**
 * `GET /v1/articles`: the listing and review queue. Filters by a target language's state,
 * the language, title words (any language, case and accents ignored) and, for admins, the
 * publisher; newest revision first, a keyset `cursor` and `limit` (1–100); the envelope counts
 * the target versions in each state under the same filters (all but `status`). A publisher
 * sees only its own articles.
 *
 * @example
 * app.route('/v1/articles', articleListingRoutes({ store, publicUrl }));
 */
export function articleListingRoutes(deps: {
  readonly store: Store;
  readonly publicUrl: string;
  readonly limiter?: RateLimiterAbstract | undefined;
}): Hono<ApiEnv> {
  const { store, publicUrl } = deps;
  const app = new Hono<ApiEnv>();
  const reader = authenticate(store, ['publisher', 'editor'], deps.limiter);

  app.get('/', reader, async (c) => {
    const query = validated(listingQuerySchema, c.req.query(), requestLanguage(c));
    const { key } = c.var;
    if (query.publisher !== undefined && key.role !== 'admin') {
      throw new ProblemError('forbidden', { key: 'listing-by-publisher-forbidden' });
    }
    const page = await store.listArticles({
      status: query.status,
      language: query.language,
      query: query.q,
      publisherKeyId: key.role === 'publisher' ? key.id : query.publisher,
      cursor: query.cursor,
      limit: query.limit,
    });
    const next = new URL(`${publicUrl}/v1/articles`);
    if (page.nextCursor) {
      for (const [name, value] of Object.entries(c.req.query())) {
        if (name !== 'cursor') next.searchParams.set(name, value);
      }
      next.searchParams.set('cursor', page.nextCursor);
    }
    const names = await keyNames(
      store,
      page.items.flatMap((item) => item.languages),
      key,
    );
    return c.json({
      items: page.items.map((item) => summaryView(publicUrl, item, names)),
      counts: page.counts,
      nextCursor: page.nextCursor,
      links: { next: page.nextCursor ? next.toString() : null },
    });
  });

  return app;
}
