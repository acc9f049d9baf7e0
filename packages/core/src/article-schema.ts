import { z } from 'zod';
import { LANGUAGE_CODES } from './languages.ts';

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
    externalId: text(200).min(1).optional(),
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
 * An editor's correction of one language version: the whole content, as it should read.
 *
 * @example
 * translationEditSchema.parse({ title: 'Київ', body: '<p>Текст</p>' });
 */
export const translationEditSchema = articleSubmissionSchema
  .pick({ title: true, summary: true, body: true, categories: true })
  .extend({ imageAlt: text(1_000).optional() })
  .strict();

/** A validated editor's correction. */
export type TranslationEditInput = z.output<typeof translationEditSchema>;
