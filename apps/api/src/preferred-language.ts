import { LANGUAGE_CODES, type LanguageCode } from '@tidings/core';
import type { Context } from 'hono';

/**
 * The language a reader asks for first (`Accept-Language`, by q-value, the primary subtag only)
 * among `languages`; English when none is asked for or served, else the first served.
 *
 * @example
 * preferredLanguage('de-CH, fr;q=0.8', ['en', 'fr']); // 'fr'
 */
export function preferredLanguage(
  header: string | undefined,
  languages: readonly LanguageCode[],
): LanguageCode {
  const ranked = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { code: tag.trim().split('-')[0] ?? '', q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  const found = ranked.find((x) => (languages as readonly string[]).includes(x.code));
  return (
    (found?.code as LanguageCode | undefined) ??
    (languages.includes('en') ? 'en' : (languages[0] ?? 'en'))
  );
}

/**
 * The language a request's reader asks for (`Accept-Language`) among the six Tidings speaks,
 * English when it asks for none of them: the one choice behind problems and their field
 * reasons, the problem pages, a version's review and failure reasons, a skipped retry's reason,
 * and the desk's language when the editor has chosen none. Given the request, or its
 * `Accept-Language` header as the views are handed it.
 *
 * @example
 * requestLanguage(c); // 'de'
 * requestLanguage('it;q=0.5, de;q=0.9'); // 'de'
 */
export function requestLanguage(request: Context | string | undefined): LanguageCode {
  const header = typeof request === 'object' ? request.req.header('accept-language') : request;
  return preferredLanguage(header, LANGUAGE_CODES);
}
