import { LANGUAGE_CODES, type LanguageCode } from '@tidings/core';
import type { ApiKey, Article, Store, Translation } from '@tidings/store';
import { assertVisible } from '../routes/article-access.ts';

/** What the article page shows: the article and the versions chosen beside its source. */
export interface ArticleDeskView {
  readonly article: Article;
  /** The target languages shown, in menu order. */
  readonly shown: readonly Translation[];
  /** Every target language the editor may choose from (served, not the source). */
  readonly choices: readonly LanguageCode[];
}

/** The states an editor must act on; with none chosen, these are shown. */
const ATTENTION = new Set(['needs_review', 'stale', 'failed']);

/**
 * Reads an article for the desk as `key` may see it (a publisher only its own: another's is a
 * 404, as in the API) with the versions of the languages `chosen`; when none is chosen, those
 * that need an editor, or else the first target language.
 *
 * @example
 * const view = await articleDeskView(store, c.var.key, id, ['de', 'es']);
 */
export async function articleDeskView(
  store: Pick<Store, 'getArticle' | 'getTranslation'>,
  key: ApiKey,
  id: string,
  chosen: readonly LanguageCode[],
  served: readonly LanguageCode[] = LANGUAGE_CODES,
): Promise<ArticleDeskView> {
  const article = await store.getArticle(id);
  assertVisible(key, article);
  const choices = LANGUAGE_CODES.filter(
    (l) => l !== article.sourceLanguage && (served.includes(l) || chosen.includes(l)),
  );
  let languages = choices.filter((l) => chosen.includes(l));
  if (languages.length === 0) {
    languages = article.languages
      .filter((s) => choices.includes(s.language) && ATTENTION.has(s.status))
      .map((s) => s.language);
  }
  if (languages.length === 0) languages = choices.slice(0, 1);
  const shown = await Promise.all(languages.map((l) => store.getTranslation(id, l)));
  return { article, shown, choices };
}
