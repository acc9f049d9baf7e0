// Ukrainian national transliteration (2010): some letters read differently at a word's start.
const UKRAINIAN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ю: 'iu',
  я: 'ia',
  "'": '',
  '’': '',
  ʼ: '',
  // Letters of neighbouring alphabets that turn up in quotes and names.
  ы: 'y',
  э: 'e',
  ё: 'io',
  ъ: '',
};
const WORD_START: Record<string, string> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };
const LATIN: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  þ: 'th',
};

/** At most this many characters, so URLs stay readable; cut at a word boundary. */
const MAX_LENGTH = 80;

function transliterate(text: string): string {
  let out = '';
  let previous = ' ';
  for (const char of text) {
    const atWordStart = !/[\p{L}\p{N}'’ʼ]/u.test(previous);
    if (char === 'г' && previous === 'з') out += 'gh';
    else
      out += (atWordStart ? WORD_START[char] : undefined) ?? UKRAINIAN[char] ?? LATIN[char] ?? char;
    previous = char;
  }
  return out;
}

/**
 * A URL slug from a headline: lowercase ASCII, Ukrainian transliterated to Latin,
 * accents dropped, every other run of characters made one `-`.
 * Returns `article` when nothing is left.
 *
 * @example
 * slugify('Україна приєдналася до JEF'); // 'ukraina-pryiednalasia-do-jef'
 * slugify('¿Qué pasó en Kyiv?');          // 'que-paso-en-kyiv'
 */
export function slugify(title: string): string {
  const latin = transliterate(title.toLowerCase().replace(/[\u2019\u02BC]/g, "'"))
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (latin.length <= MAX_LENGTH) return latin || 'article';
  const cut = latin.slice(0, MAX_LENGTH + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 20 ? cut.slice(0, boundary) : cut.slice(0, MAX_LENGTH)).replace(/-+$/, '');
}
