import { isLanguageCode } from '@tidings/core';

/**
 * The user's language as an `Accept-Language` tag, from the locale the terminal gives
 * (`LC_ALL`, else `LC_MESSAGES`, else `LANG`, as POSIX chooses the language of messages): so
 * that the API's problems and reasons come back in it. Only one of the six Tidings speaks;
 * `undefined` for any other, for `C` and `POSIX`, and when none is set (the API then answers
 * in English).
 *
 * @example
 * localeLanguage({ LANG: 'de_AT.UTF-8' }); // 'de-AT'
 * localeLanguage({ LC_ALL: 'C.UTF-8', LANG: 'uk_UA.UTF-8' }); // undefined
 */
export function localeLanguage(
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v?.trim())?.trim() ?? '';
  const match = /^([a-z]{2,3})(?:[_-]([a-z]{2}|\d{3}))?(?=$|[.@])/i.exec(locale);
  const language = match?.[1]?.toLowerCase();
  if (!language || !isLanguageCode(language)) return undefined;
  return match?.[2] ? `${language}-${match[2].toUpperCase()}` : language;
}
