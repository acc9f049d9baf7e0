import { isLanguageCode, LANGUAGE_CODES, type LanguageCode } from '@tidings/core';
import type { ApiKey } from '@tidings/store';
import type { Context } from 'hono';
import { ProblemError } from '../problem.ts';

/**
 * The `:lang` parameter of a route, or a 404 naming the languages there are.
 *
 * @example
 * const language = languageParam(c);
 */
export function languageParam(c: Context): LanguageCode {
  const lang = c.req.param('lang') ?? '';
  if (!isLanguageCode(lang)) {
    throw new ProblemError('not-found', {
      key: 'language-unknown',
      fields: { lang, languages: LANGUAGE_CODES.join(', ') },
    });
  }
  return lang;
}

/**
 * The `:lang` of a route that changes a language version, which must be one the instance
 * serves (`LANGUAGES`): a version stored before the list narrowed is kept but not edited.
 *
 * @example
 * const language = servedLanguageParam(c, ['en', 'uk']); // 404 for /v1/articles/{id}/de
 */
export function servedLanguageParam(
  c: Context,
  languages: readonly LanguageCode[] | undefined,
): LanguageCode {
  const lang = languageParam(c);
  if (languages && !languages.includes(lang)) {
    throw new ProblemError('not-found', {
      key: 'language-not-edited',
      fields: { lang, languages: languages.join(', ') },
    });
  }
  return lang;
}

/**
 * A publisher sees only its own articles: another's is as good as absent (404).
 *
 * @example
 * assertVisible(c.var.key, await store.getArticle(id));
 */
export function assertVisible(key: ApiKey, article: { publisherKeyId: string; id: string }): void {
  if (key.role === 'publisher' && article.publisherKeyId !== key.id) {
    throw new ProblemError('not-found', { key: 'article-not-found', fields: { id: article.id } });
  }
}
