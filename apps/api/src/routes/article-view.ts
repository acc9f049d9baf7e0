import { isDemoModel } from '@tidings/core';
import { failureReasonText, reviewReasonText, translatorFor } from '@tidings/i18n';
import type { Article, LanguageState, Store, Translation } from '@tidings/store';
import type { Context } from 'hono';
import type { ApiEnv } from '../env.ts';
import { requestLanguage } from '../preferred-language.ts';
import { type KeyNames, keyNames, keyRef } from './key-names.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * One language's state as the API shows it, with links to its version and its page, and the
 * keys that edited and approved it by name (`names`, from {@link keyNames}).
 *
 * @example
 * languageView(publicUrl, article, article.languages[0], await keyNames(store, article.languages));
 */
export function languageView(
  base: string,
  article: Pick<Article, 'id' | 'slug'>,
  state: LanguageState,
  names: KeyNames,
) {
  return {
    status: state.status,
    revision: state.revision,
    contentRevision: state.contentRevision,
    model: state.model,
    /** A demo model (MODELS=demo) made this version: a demo translation, not a real one. */
    demo: isDemoModel(state.model),
    reason: state.reason,
    editedBy: state.editedBy,
    /** The key that edited it, `{ id, name }`: `editedBy` with the name people know it by. */
    editor: keyRef(state.editedBy, names),
    approvedBy: state.approvedBy,
    approver: keyRef(state.approvedBy, names),
    approvedAt: iso(state.approvedAt),
    queuedAt: iso(state.queuedAt),
    startedAt: iso(state.startedAt),
    finishedAt: iso(state.finishedAt),
    publishedAt: iso(state.publishedAt),
    updatedAt: iso(state.updatedAt),
    links: {
      self: `${base}/v1/articles/${article.id}/${state.language}`,
      // The version's own slug once it is live; before, the article's, which stays its address.
      page: `${base}/${state.language}/articles/${state.slug ?? article.slug}`,
    },
  };
}

/**
 * An article as `GET /v1/articles/{id}` shows it: the source and every language's state, each
 * with its review reasons as data and their texts in the language of `acceptLanguage` (the
 * request's `Accept-Language`), as `GET /v1/articles/{id}/{lang}` shows them.
 *
 * @example
 * c.json(articleView(config.publicUrl, article, c.req.header('accept-language'), names));
 */
export function articleView(
  base: string,
  article: Article,
  acceptLanguage: string | undefined,
  names: KeyNames,
) {
  return {
    id: article.id,
    slug: article.slug,
    externalId: article.externalId,
    sourceLanguage: article.sourceLanguage,
    revision: article.revision,
    createdAt: article.createdAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
    retractedAt: iso(article.retractedAt),
    content: article.content,
    languages: Object.fromEntries(
      article.languages.map((state) => [
        state.language,
        {
          ...languageView(base, article, state, names),
          reasons: reasonsView(state, acceptLanguage),
        },
      ]),
    ),
    links: { self: `${base}/v1/articles/${article.id}` },
  };
}

/**
 * Why a language needs review (or, published, what was repaired), or why it failed: each
 * reason as data with its sentence (`text`) in the language the request asks for
 * (`Accept-Language`, as problems choose theirs; English when none of the six is asked for).
 * A failed language has one reason, its failure's code and fields.
 *
 * @example
 * reasonsView(translation, 'de'); // [{ code: 'number-missing', number: '5', segment: '…', text: 'Die Zahl 5 …' }]
 */
export function reasonsView(
  state: Pick<LanguageState, 'reasons' | 'failure'>,
  acceptLanguage?: string,
) {
  const t = translatorFor(requestLanguage(acceptLanguage));
  if (state.failure) return [{ ...state.failure, text: failureReasonText(t, state.failure) }];
  return state.reasons.map((reason) => ({ ...reason, text: reviewReasonText(t, reason) }));
}

/**
 * One language version as `GET /v1/articles/{id}/{lang}` shows it; its review reasons' texts
 * are in the language of `acceptLanguage` (the request's `Accept-Language`).
 *
 * @example
 * c.json(translationView(config.publicUrl, translation, c.req.header('accept-language'), names));
 */
export function translationView(
  base: string,
  translation: Translation,
  acceptLanguage: string | undefined,
  names: KeyNames,
) {
  return {
    articleId: translation.articleId,
    language: translation.language,
    sourceLanguage: translation.sourceLanguage,
    retractedAt: iso(translation.retractedAt),
    ...languageView(
      base,
      { id: translation.articleId, slug: translation.slug },
      translation,
      names,
    ),
    reasons: reasonsView(translation, acceptLanguage),
    content: translation.content,
    draft: translation.draft,
    sourceChange: translation.sourceChange,
    origins: translation.segmentOrigins?.origins ?? null,
    segments: translation.segmentOrigins?.segments ?? [],
  };
}

/** What {@link articleAnswer} and {@link translationAnswer} need: the key names and the site. */
export interface AnswerDeps {
  readonly store: Pick<Store, 'keyNamesByIds'>;
  readonly publicUrl: string;
}

/**
 * An article as a route answers it: {@link articleView} in the request's language, with the
 * keys that edited and approved it named for the caller (see {@link keyNames}).
 *
 * @example
 * return c.json(await articleAnswer(c, deps, article));
 */
export async function articleAnswer(c: Context<ApiEnv>, deps: AnswerDeps, article: Article) {
  const names = await keyNames(deps.store, article.languages, c.var.key);
  return articleView(deps.publicUrl, article, c.req.header('accept-language'), names);
}

/**
 * A language version as a route answers it: {@link translationView} in the request's
 * language, with the keys that edited and approved it named for the caller.
 *
 * @example
 * return c.json(await translationAnswer(c, deps, translation));
 */
export async function translationAnswer(
  c: Context<ApiEnv>,
  deps: AnswerDeps,
  translation: Translation,
) {
  const names = await keyNames(deps.store, [translation], c.var.key);
  return translationView(deps.publicUrl, translation, c.req.header('accept-language'), names);
}
