import { type LanguageCode, languageOf } from '@tidings/core';

const formats = new Map<LanguageCode, Intl.DateTimeFormat>();

/**
 * A date as readers of a language write it ("5 листопада 2025 р."), in UTC so every
 * process prints the same page.
 *
 * @example
 * formatDate('de', new Date('2025-11-05T13:08:00Z')); // '5. November 2025'
 */
export function formatDate(language: LanguageCode, date: Date): string {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(languageOf(language).locale, {
      dateStyle: 'long',
      timeZone: 'UTC',
    });
    formats.set(language, format);
  }
  return format.format(date);
}
