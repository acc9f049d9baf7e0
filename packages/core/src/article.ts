import type { LanguageCode } from './languages.ts';

/** An image that illustrates an article; only its alt text is translated. */
export interface ArticleImage {
  /** Absolute URL of the image. */
  readonly url: string;
  /** Text alternative, translated with the article. */
  readonly alt: string;
}

/**
 * The translatable content of one language version of an article.
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
  /** Lead image, if any. */
  readonly image?: ArticleImage | undefined;
}

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
export type TranslationStatus =
  | 'queued'
  | 'translating'
  | 'published'
  | 'failed'
  | 'needs_review'
  | 'edited'
  | 'stale';

/** All translation states, for schemas and metrics labels. */
export const TRANSLATION_STATUSES: readonly TranslationStatus[] = Object.freeze([
  'queued',
  'translating',
  'published',
  'failed',
  'needs_review',
  'edited',
  'stale',
]);

/** An article as a publisher submits it, in one language. */
export interface ArticleSubmission extends ArticleContent {
  /** The language the article is written in; detected when absent. */
  readonly language?: LanguageCode | undefined;
  /** The publisher's own id for the story, so that a repost becomes a new revision. */
  readonly externalId?: string | undefined;
  /** URL slug; derived from the title when absent. */
  readonly slug?: string | undefined;
}
