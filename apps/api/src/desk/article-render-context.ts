import type { LanguageCode } from '@tidings/core';
import type { translatorFor } from '@tidings/i18n';
import type { ApiKey } from '@tidings/store';
import { html } from 'hono/html';

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
  /**
   * The target languages shown beside the original, which every action form posts back as
   * `shown`, so the page comes back after the action with the same languages side by side.
   */
  readonly shown?: readonly LanguageCode[] | undefined;
}

/**
 * The hidden `shown` field of an action form: the languages the page shows (see
 * {@link ArticleRenderContext.shown}); nothing when the page shows none.
 *
 * @example
 * html`<form method="post" action="${ctx.path}/retry">${shownField(ctx)}…</form>`;
 */
export function shownField(ctx: Pick<ArticleRenderContext, 'shown'>) {
  return ctx.shown?.length
    ? html`<input type="hidden" name="shown" value="${ctx.shown.join(',')}">`
    : '';
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
