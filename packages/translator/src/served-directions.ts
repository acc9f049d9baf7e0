import type { LanguageCode } from '@tidings/core';

/**
 * Every direction between the languages served, in their order (`en-es`, `en-de`, … `uk-it`).
 *
 * @example
 * servedDirections(['en', 'es']); // [['en', 'es'], ['es', 'en']]
 */
export function servedDirections(
  languages: readonly LanguageCode[],
): [LanguageCode, LanguageCode][] {
  return languages.flatMap((from) =>
    languages.filter((to) => to !== from).map((to) => [from, to] as [LanguageCode, LanguageCode]),
  );
}
