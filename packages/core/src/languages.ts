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

const displayNames = new Map<LanguageCode, Intl.DisplayNames>();

/**
 * A language's name as readers of another language write it, from the platform's CLDR data
 * (`Intl.DisplayNames`): English is "inglés" to a Spanish reader and "англійська" to a
 * Ukrainian one. `standalone` capitalizes it for use on its own (a title, a list of links),
 * since several languages write language names in lower case inside a sentence.
 *
 * @example
 * languageName('en', 'es'); // 'inglés'
 * languageName('uk', 'fr', { standalone: true }); // 'Ukrainien'
 */
export function languageName(
  code: LanguageCode,
  inLanguage: LanguageCode,
  options: { standalone?: boolean } = {},
): string {
  let names = displayNames.get(inLanguage);
  if (!names) {
    names = new Intl.DisplayNames([languageOf(inLanguage).locale], { type: 'language' });
    displayNames.set(inLanguage, names);
  }
  const name = names.of(code) ?? languageOf(code).englishName;
  if (!options.standalone) return name;
  const locale = languageOf(inLanguage).locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
