import type { LanguageCode } from '@tidings/core';
import type { translatorFor } from '@tidings/i18n';
import type { ApiKey } from '@tidings/store';

/** What every part of the article page is rendered with. */
export interface ArticleRenderContext {
  /** The interface language's translation function. */
  readonly t: ReturnType<typeof translatorFor>;
  /** The interface language (dates, numbers and language names follow it). */
  readonly language: LanguageCode;
  /** The token every form posts as `_csrf`. */
  readonly csrfToken: string;
  /** The signed-in key: which actions its role may take. */
  readonly key: ApiKey;
  /** The article page's path, `/desk/articles/{id}`. */
  readonly path: string;
}

/**
 * A language's name in the interface language ("German", "Deutsch", "німецька").
 *
 * @example
 * languageName('de', 'en'); // 'German'
 */
export function languageName(code: LanguageCode, interfaceLanguage: LanguageCode): string {
  return new Intl.DisplayNames([interfaceLanguage], { type: 'language' }).of(code) ?? code;
}
