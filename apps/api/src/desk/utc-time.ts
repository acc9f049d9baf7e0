import { type LanguageCode, languageOf } from '@tidings/core';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date and time as the desk shows it: in UTC, said so, in the interface language's locale,
 * never the server's zone. One formatter per language and time style, made once.
 *
 * @example
 * utcTime('en', new Date('2026-03-02T09:05:00Z')); // '2 Mar 2026, 09:05 UTC'
 * utcTime('de', new Date('2026-03-02T09:05:07Z'), 'medium'); // '02.03.2026, 09:05:07 UTC'
 */
export function utcTime(
  language: LanguageCode,
  date: Date,
  timeStyle: 'short' | 'medium' = 'short',
): string {
  const key = `${language} ${timeStyle}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(languageOf(language).locale, {
      dateStyle: 'medium',
      timeStyle,
      timeZone: 'UTC',
    });
    formats.set(key, format);
  }
  return `${format.format(date)} UTC`;
}
