import type { LanguageCode } from '@tidings/core';
import { CliError } from '../cli-error.ts';
import { detectFormat, type InputFormat, readDocument } from './article-document.ts';
import type { TitleChoice } from './title-choice.ts';

/** The JSON body of `POST /v1/articles`. */
export interface ArticlePayload {
  title: string;
  summary?: string;
  body: string;
  language?: LanguageCode;
  externalId?: string;
  slug?: string;
  categories?: string[];
  image?: { url: string; alt?: string };
  [field: string]: unknown;
}

/**
 * The JSON body of `PUT /v1/articles/{id}/{lang}`: an editor's correction. A field left out
 * (the summary, the categories, `imageAlt`) keeps the language's current value.
 */
export interface EditPayload {
  title: string;
  summary?: string;
  body: string;
  categories?: string[];
  imageAlt?: string;
  [field: string]: unknown;
}

/** What the command line adds to, or puts over, the file's own content. */
export interface InputOptions {
  /** Force a format; else by extension, else by content. */
  readonly format?: InputFormat | undefined;
  readonly title?: string | undefined;
  readonly summary?: string | undefined;
  readonly language?: LanguageCode | undefined;
  readonly externalId?: string | undefined;
  readonly slug?: string | undefined;
  /** When non-empty, replaces the file's categories. */
  readonly categories?: readonly string[] | undefined;
  /** Told which line of a plain-text file became the title (none when --title was given). */
  readonly onTitleChoice?: ((choice: TitleChoice) => void) | undefined;
}

function parseJsonObject(name: string, text: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${name} is not valid JSON (${(error as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new CliError(
      `${name} must hold a JSON object such as {"title": "…", "body": "<p>…</p>"}`,
    );
  }
  return data as Record<string, unknown>;
}

/** The file's title and body, whatever its format, with the command line's title over it. */
function content(name: string, text: string, options: InputOptions): Record<string, unknown> {
  const format = detectFormat(name, text, options.format);
  if (format === 'json') return parseJsonObject(name, text);
  const document = readDocument(text, format, options.title === undefined);
  if (document.titleChoice) options.onTitleChoice?.(document.titleChoice);
  const title = options.title ?? document.title;
  if (!title) throw new CliError(`${name} has no title: give one with --title`);
  return { title, body: document.body };
}

const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * Builds the body of `POST /v1/articles` from a file (HTML, Markdown, plain text, or the
 * API's own JSON) and the command line's flags, which win over the file. The API validates it.
 *
 * @example
 * articlePayload('story.md', '# Kyiv\n\nText.', { language: 'en', categories: ['Defence'] });
 * // { title: 'Kyiv', body: '<p>Text.</p>', language: 'en', categories: ['Defence'] }
 */
export function articlePayload(
  name: string,
  text: string,
  options: InputOptions = {},
): ArticlePayload {
  const fields = content(name, text, options);
  return {
    ...fields,
    ...defined({
      title: options.title,
      summary: options.summary,
      language: options.language,
      externalId: options.externalId,
      slug: options.slug,
    }),
    ...(options.categories?.length ? { categories: [...options.categories] } : {}),
  } as ArticlePayload;
}

/**
 * Builds the body of `PUT /v1/articles/{id}/{lang}` (an editor's correction) the same way.
 *
 * @example
 * editPayload('fix.html', '<h1>Київ</h1><p>Текст.</p>'); // { title: 'Київ', body: '<p>Текст.</p>' }
 */
export function editPayload(name: string, text: string, options: InputOptions = {}): EditPayload {
  const fields = content(name, text, options);
  return {
    ...fields,
    ...defined({ title: options.title, summary: options.summary }),
    ...(options.categories?.length ? { categories: [...options.categories] } : {}),
  } as EditPayload;
}
