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
