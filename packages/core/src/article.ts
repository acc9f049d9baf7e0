import { z } from 'zod';
import { LANGUAGE_CODES } from './languages.ts';
import { storableText } from './storable-text.ts';

// An article as every part of Tidings sees it: its content's one shape (the type, and the schema
// that checks it where it crosses a process), its size, what a publisher may post and an editor
// may correct, and the states its language versions go through.

/** An image that illustrates an article; only its alt text is translated. */
export interface ArticleImage {
  /** Absolute URL of the image. */
  readonly url: string;
  /** Text alternative, translated with the article. */
  readonly alt: string;
}

/**
 * The translatable content of one language version of an article: the one shape a
 * publisher's post, a translate job, a worker's result, an editor's correction and the store's
 * versions share.
 *
 * @example
 * const content: ArticleContent = {
 *   title: 'Ukraine joins the JEF',
 *   summary: 'Extended partner status.',
 *   body: '<p>Ukraine has been granted extended partner status.</p>',
 *   categories: ['Defence'],
 * };
 */
export interface ArticleContent {
  /** Plain-text headline. */
  readonly title: string;
  /** Plain-text standfirst; may be empty. */
  readonly summary: string;
  /** Sanitized HTML body. */
  readonly body: string;
  /** Category names, in the article's language. */
  readonly categories: readonly string[];
  /** Lead image, if any. A translation's is the source's image: only its alt text is its own. */
  readonly image?: ArticleImage | undefined;
}

/**
 * The shape of {@link ArticleContent} as data that crosses a process (a job, a result): the
 * same fields, checked. Checks shape only; the texts are cleaned where they enter
 * (`cleanArticleContent`).
 *
 * @example
 * const content = articleContentSchema.parse(job.data.content);
 */
export const articleContentSchema = z
  .object({
    title: z.string(),
    summary: z.string(),
    body: z.string(),
    categories: z.array(z.string()).readonly(),
    image: z.object({ url: z.string(), alt: z.string() }).readonly().optional(),
  })
  .readonly();

/** The default of MAX_ARTICLE_CHARS: the largest article Tidings accepts and translates. */
export const DEFAULT_MAX_ARTICLE_CHARS = 200_000;

/**
 * The size of an article as MAX_ARTICLE_CHARS counts it: the characters (UTF-16 code units)
 * of its title, summary, cleaned HTML body, categories and image alt text. The API refuses a
 * larger article at intake and the translator takes any article up to it, by this one measure.
 *
 * @example
 * articleSize({ title: 'Kyiv', summary: '', body: '<p>x</p>', categories: ['News'] }); // 16
 */
export function articleSize(
  content: Pick<ArticleContent, 'title' | 'summary' | 'body' | 'categories'> & {
    readonly image?: { readonly alt: string } | undefined;
  },
): number {
  return (
    content.title.length +
    content.summary.length +
    content.body.length +
    content.categories.reduce((n, c) => n + c.length, 0) +
    (content.image?.alt.length ?? 0)
  );
}

// Messages are codes, not sentences: the API tells each in the request's language
// (`field.<code>` in locales/{lang}/errors.json).
const text = (max: number) => z.string().trim().max(max, 'text-too-long');

/**
 * What a publisher may post: validated field by field, so that a bad field is named in a 422.
 * The body is HTML and is sanitized after validation.
 *
 * @example
 * articleSubmissionSchema.parse({ title: 'Kyiv', body: '<p>Text</p>' });
 */
export const articleSubmissionSchema = z
  .object({
    title: text(500).min(1, 'title-required'),
    summary: text(2_000).default(''),
    body: z.string().min(1, 'body-required'),
    language: z.enum(LANGUAGE_CODES, { error: 'language-code' }).optional(),
    externalId: storableText(text(200).min(1)).optional(),
    slug: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug-format')
      .max(120)
      .optional(),
    categories: z.array(text(100).min(1)).max(20).default([]),
    image: z
      .object({
        url: z.url({ protocol: /^https?$/, error: 'image-url' }),
        alt: text(1_000).default(''),
      })
      .optional(),
  })
  .strict();

/** A validated submission, before sanitizing. */
export type ArticleSubmissionInput = z.output<typeof articleSubmissionSchema>;

/**
 * An editor's correction of one language version: its title and body, as they should read, and
 * any of its summary, categories and image alt text. A field left out keeps the language
 * version's current value (the draft's, for a draft held for review); an empty one
 * (`"summary": ""`, `"categories": []`) clears it.
 *
 * @example
 * translationEditSchema.parse({ title: 'Київ', body: '<p>Текст</p>' }); // categories kept
 */
export const translationEditSchema = articleSubmissionSchema
  .pick({ title: true, body: true })
  .extend({
    summary: text(2_000).optional(),
    categories: z.array(text(100).min(1)).max(20).optional(),
    imageAlt: text(1_000).optional(),
  })
  .strict();

/** A validated editor's correction. */
export type TranslationEditInput = z.output<typeof translationEditSchema>;

/**
 * Where one language version of an article stands.
 *
 * - `queued`: a translation was requested and waits for a worker.
 * - `translating`: a worker holds the job.
 * - `published`: the machine translation is live.
 * - `failed`: the translation could not be made (the reason is kept).
 * - `needs_review`: made, but a quality gate flagged it; not published silently broken.
 * - `edited`: an editor's correction is live and machine output never overwrites it.
 * - `stale`: an edited version whose source has since been revised.
 */
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

/** Every translation state, in the order a language goes through them; for schemas and docs. */
export const TRANSLATION_STATUSES = [
  'queued',
  'translating',
  'published',
  'failed',
  'needs_review',
  'edited',
  'stale',
] as const;
