/**
 * One of the six languages every Tidings story is published in.
 *
 * @example
 * const lang: LanguageCode = 'uk';
 */
export type LanguageCode = 'en' | 'es' | 'de' | 'fr' | 'it' | 'uk';

/** What the site needs to know to show a language: its names and its menu label. */
export interface Language {
  /** ISO 639-1 code, also the URL segment (`/uk/`) and the feed language. */
  readonly code: LanguageCode;
  /** The language's name in English. */
  readonly englishName: string;
  /** The language's name in itself. */
  readonly nativeName: string;
  /** The short label of the language switcher ("En Es De Fr It Ук"). */
  readonly menuLabel: string;
  /** BCP 47 tag with region, for `hreflang` and `og:locale`. */
  readonly locale: string;
}

/**
 * The six languages, in the order of the site's language menu: En Es De Fr It Ук.
 *
 * @example
 * LANGUAGES.map((l) => l.menuLabel).join(' '); // 'En Es De Fr It Ук'
 */
export const LANGUAGES: readonly Language[] = Object.freeze([
  { code: 'en', englishName: 'English', nativeName: 'English', menuLabel: 'En', locale: 'en-GB' },
  { code: 'es', englishName: 'Spanish', nativeName: 'Español', menuLabel: 'Es', locale: 'es-ES' },
  { code: 'de', englishName: 'German', nativeName: 'Deutsch', menuLabel: 'De', locale: 'de-DE' },
  { code: 'fr', englishName: 'French', nativeName: 'Français', menuLabel: 'Fr', locale: 'fr-FR' },
  { code: 'it', englishName: 'Italian', nativeName: 'Italiano', menuLabel: 'It', locale: 'it-IT' },
  {
    code: 'uk',
    englishName: 'Ukrainian',
    nativeName: 'Українська',
    menuLabel: 'Ук',
    locale: 'uk-UA',
  },
]);

/**
 * The six language codes, in menu order.
 *
 * @example
 * LANGUAGE_CODES; // ['en', 'es', 'de', 'fr', 'it', 'uk']
 */
export const LANGUAGE_CODES = Object.freeze(
  LANGUAGES.map((l) => l.code),
) as readonly LanguageCode[] as readonly [LanguageCode, ...LanguageCode[]];

/**
 * Whether a string is one of the six language codes.
 *
 * @example
 * isLanguageCode('uk'); // true
 * isLanguageCode('ru'); // false
 */
export function isLanguageCode(value: string): value is LanguageCode {
  return (LANGUAGE_CODES as readonly string[]).includes(value);
}

/**
 * The language with this code.
 *
 * @example
 * languageOf('uk').nativeName; // 'Українська'
 */
export function languageOf(code: LanguageCode): Language {
  const found = LANGUAGES.find((l) => l.code === code);
  if (!found) throw new RangeError(`Unknown language code: ${code}`);
  return found;
}

/**
 * The five languages an article written in `source` is translated into, in menu order.
 *
 * @example
 * targetsOf('es'); // ['en', 'de', 'fr', 'it', 'uk']
 */
export function targetsOf(source: LanguageCode): LanguageCode[] {
  return LANGUAGE_CODES.filter((code) => code !== source);
}
