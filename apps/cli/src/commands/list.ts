import {
  LANGUAGE_CODES,
  type LanguageCode,
  TRANSLATION_STATUSES,
  type TranslationStatus,
} from '@tidings/core';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { ListedArticleView, ListingView } from '../api/views.ts';
import { renderTable } from '../output/render-table.ts';
import { type ApiOptions, apiClient, printJson, withApiOptions } from './api-options.ts';

interface ListOptions extends ApiOptions {
  readonly status?: TranslationStatus;
  readonly language?: string;
  readonly search?: string;
  readonly limit: number;
  readonly cursor?: string;
}

const time = (iso: string) => iso.replace('T', ' ').replace(/:\d\d\.\d+Z$/, 'Z');
const short = (text: string, max: number) =>
  [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) {
    throw new InvalidArgumentError('expected a whole number from 1 to 100');
  }
  return n;
}

/** The languages of a row that are not simply published, e.g. `de needs_review, fr failed`. */
function pending(article: ListedArticleView): string {
  const open = LANGUAGE_CODES.filter(
    (code) => code !== article.sourceLanguage && article.languages[code] !== undefined,
  )
    .map((code) => [code, article.languages[code]?.status] as const)
    .filter(([, status]) => status !== 'published');
  return open.length === 0
    ? 'all published'
    : open.map(([code, status]) => `${code} ${status ?? '—'}`).join(', ');
}

/** A word as a POSIX shell reads it back: quoted when it holds anything but plain characters. */
const shellWord = (word: string) =>
  /^[\w.,:@%+=/-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;

/**
 * The listing as a terminal shows it: a line of counts, then a row per article, and when there
 * is more, the command that shows the next page: the same filters (`filters`, as given) and its
 * cursor, since a cursor alone would page through every article.
 *
 * @example
 * process.stdout.write(listingTable(page, ['--status', 'needs_review']));
 */
export function listingTable(page: ListingView, filters: readonly string[] = []): string {
  const counts = TRANSLATION_STATUSES.filter((s) => (page.counts[s] ?? 0) > 0)
    .map((s) => `${page.counts[s]} ${s}`)
    .join(' · ');
  if (page.items.length === 0) return `${counts || 'no languages'}\nNo articles match.\n`;
  const rows = page.items.map((a) => [
    a.id,
    time(a.updatedAt),
    a.sourceLanguage,
    short(a.title, 48),
    pending(a),
  ]);
  const next = ['tidings', 'list', ...filters, '--cursor', page.nextCursor ?? ''].map(shellWord);
  const more = page.nextCursor ? `\nMore: ${next.join(' ')}\n` : '';
  return `${counts}\n\n${renderTable(['ID', 'UPDATED', 'SRC', 'TITLE', 'LANGUAGES'], rows)}\n${more}`;
}

/** The default of `--limit`: a listing that says nothing else sends it all the same. */
const DEFAULT_LIMIT = 20;

/**
 * What `tidings list` asks the API for, and the flags that ask for it again: one list of the
 * filters given, each with its flag, so that the query and the next page's command cannot
 * differ. The flags carry `--url` when it was given (the next page is on the same server:
 * a cursor means nothing to another), without a password it holds, and never `--key`: secrets
 * are not printed.
 *
 * @example
 * listRequest({ status: 'needs_review', limit: 20, url: 'https://news.example.org' });
 * // { query: 'status=needs_review&limit=20', flags: ['--status', 'needs_review', '--url', 'https://news.example.org'] }
 */
export function listRequest(options: ListOptions): { query: URLSearchParams; flags: string[] } {
  const filters: [flag: string, param: string, value: string | undefined][] = [
    ['--status', 'status', options.status],
    ['--language', 'language', options.language],
    ['--search', 'q', options.search],
    ['--limit', 'limit', String(options.limit)],
  ];
  const given = filters.filter((f): f is [string, string, string] => Boolean(f[2]));
  const query = new URLSearchParams(
    given.map(([, param, value]): [string, string] => [param, value]),
  );
  if (options.cursor) query.set('cursor', options.cursor);
  const flags = given
    .filter(([flag, , value]) => flag !== '--limit' || value !== String(DEFAULT_LIMIT))
    .flatMap(([flag, , value]) => [flag, value]);
  if (options.url) flags.push('--url', withoutPassword(options.url));
  return { query, flags };
}

// A password in --url (https://user:pass@…) is a secret like the key: the printed command
// leaves it out, and the user gives it again.
function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === '') return url;
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}

/**
 * `tidings list`: the articles, newest first, filtered by a language's state, the language
 * and title words: the review queue in a terminal.
 *
 * @example
 * registerList(program);
 */
export function registerList(
  program: Command,
  languages: readonly LanguageCode[] = LANGUAGE_CODES,
): void {
  withApiOptions(
    program
      .command('list')
      .description('List articles and the state of their languages (the review queue)')
      .addOption(
        new Option('--status <status>', 'only articles with a language in this state').choices(
          TRANSLATION_STATUSES,
        ),
      )
      .addOption(new Option('--language <lang>', 'only this target language').choices(languages))
      .option(
        '--search <words>',
        "title words, in any order, all in one language's title; case and accents ignored",
      )
      .option('--limit <n>', 'articles per page, 1 to 100', parseLimit, DEFAULT_LIMIT)
      .option('--cursor <cursor>', 'the next page, as a previous listing printed it'),
  ).action(async (options: ListOptions) => {
    const { query, flags } = listRequest(options);
    const { api } = apiClient(options);
    const { body } = await api.request<ListingView>('GET', `/v1/articles?${query}`);
    if (options.json) printJson(body);
    else process.stdout.write(listingTable(body, flags));
  });
}
