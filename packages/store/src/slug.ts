import { LANGUAGE_CODES } from '@tidings/core';
import type { Queryable } from './database.ts';

// A page's slug: made from a headline (`slugify`), then numbered until no article and no
// language version uses it (`freeSlug`), so that one slug names one page in every language.

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

/** `base` itself for n = 1, else `base-n`. */
function numbered(base: string, n: number): string {
  return n === 1 ? base : `${base}-${n}`;
}

/**
 * SQL that says whether an article or a language version uses the slug `slug` (an SQL
 * expression), by exact lookups on their unique indexes; `languages` is the parameter
 * holding every language code (`LANGUAGE_CODES`).
 *
 * @example
 * await tx.query(`SELECT ${takenSql('$1', '$2')} AS taken`, [slug, LANGUAGE_CODES]);
 */
export function takenSql(slug: string, languages: string): string {
  return `EXISTS (SELECT 1 FROM articles WHERE slug = ${slug})
    OR EXISTS (SELECT 1 FROM translations WHERE language = ANY(${languages}::text[]) AND slug = ${slug})`;
}

/** SQL that bumps the counter of the base in parameter `base` and returns its next slug (`slug`). */
function nextSlugSql(base: string): string {
  return `INSERT INTO slug_bases (base, last) VALUES (${base}, 1)
       ON CONFLICT (base) DO UPDATE SET last = slug_bases.last + 1
       RETURNING last, CASE WHEN last = 1 THEN ${base} ELSE ${base} || '-' || last END AS slug`;
}

/**
 * A slug not yet used by any article or any language version, `base` itself or `base-2`,
 * `base-3`…: one slug names one page whatever the language in its path, so an article's own
 * slug (which reaches its versions not yet translated) never meets another's translated one.
 *
 * Each base has a counter (`slug_bases`): the next number is the last one handed out plus
 * one, checked by exact lookups and passed over while taken (a slug given explicitly, or
 * stored before the counter existed). Writers deriving from the same base take turns (the
 * counter's row stays locked until commit), so ten concurrent posts titled alike get ten
 * slugs; the cost no longer grows with the number of articles under one headline.
 *
 * The taken check reads the snapshot of the statement that bumped the counter, taken before it
 * waited for the counter's row: a slug of another base (given explicitly, or a translated title)
 * committed during that wait can be missed. Between articles their unique index catches it (the
 * write is retried); between an article's slug and another's translated one nothing does. Both
 * need that exact slug committed in that instant, so the window is accepted, and named here.
 *
 * @example
 * const slug = await freeSlug(tx, slugify(title));
 */
export async function freeSlug(tx: Queryable, base: string): Promise<string> {
  const [row] = await tx.query<{ last: number; taken: boolean }>(
    `WITH c AS (${nextSlugSql('$1')})
     SELECT c.last, ${takenSql('c.slug', '$2')} AS taken FROM c`,
    [base, LANGUAGE_CODES],
  );
  if (!row) throw new Error(`No slug counter for ${JSON.stringify(base)}`);
  let n = row.last;
  let taken = row.taken;
  while (taken) {
    n++;
    const [next] = await tx.query<{ taken: boolean }>(`SELECT ${takenSql('$1', '$2')} AS taken`, [
      numbered(base, n),
      LANGUAGE_CODES,
    ]);
    taken = next?.taken ?? false;
  }
  if (n !== row.last) {
    await tx.query('UPDATE slug_bases SET last = $2 WHERE base = $1', [base, n]);
  }
  return numbered(base, n);
}
