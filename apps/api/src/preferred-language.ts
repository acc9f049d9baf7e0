import type { LanguageCode } from '@tidings/core';

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
