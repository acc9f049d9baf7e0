import { isLanguageCode, type LanguageCode } from '@tidings/core';
import { translatorFor } from '@tidings/i18n';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { requestLanguage } from '../preferred-language.ts';
import type { DeskEnv } from './desk-env.ts';
import { type DeskSessionOptions, deskCookieOptions } from './desk-session.ts';

/** The cookie remembering the interface language an editor chose. */
export const DESK_LANGUAGE_COOKIE = 'tidings_desk_lang';

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * Remembers the editor's interface language for a year.
 *
 * @example
 * rememberLanguage(c, 'uk', options);
 */
export function rememberLanguage(
  c: Context,
  language: LanguageCode,
  options: Pick<DeskSessionOptions, 'secure'>,
): void {
  setCookie(c, DESK_LANGUAGE_COOKIE, language, deskCookieOptions(options, YEAR_SECONDS));
}

/**
 * Chooses the interface language (the editor's choice, remembered in a cookie; else the
 * browser's `Accept-Language`; else English) and puts it and its `t` on the context.
 *
 * @example
 * desk.use(deskLanguage());
 * desk.get('/x', (c) => c.text(c.var.t('desk:nav.queue')));
 */
export function deskLanguage() {
  return createMiddleware<DeskEnv>(async (c, next) => {
    const chosen = getCookie(c, DESK_LANGUAGE_COOKIE);
    const language: LanguageCode = chosen && isLanguageCode(chosen) ? chosen : requestLanguage(c);
    c.set('language', language);
    c.set('t', translatorFor(language));
    await next();
  });
}
