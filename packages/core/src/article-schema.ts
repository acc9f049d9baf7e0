import { z } from 'zod';
import { LANGUAGE_CODES } from './languages.ts';

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);

/**
 * What a publisher may post: validated field by field, so that a bad field is named in a 422.
 * The body is HTML and is sanitized after validation.
 *
 * @example
 * articleSubmissionSchema.parse({ title: 'Kyiv', body: '<p>Text</p>' });
 */
export const articleSubmissionSchema = z
  .object({
    title: text(500).min(1, 'a title is required'),
    summary: text(2_000).default(''),
    body: z.string().min(1, 'a body is required'),
    language: z.enum(LANGUAGE_CODES, { error: `one of ${LANGUAGE_CODES.join(', ')}` }).optional(),
    externalId: text(200).min(1).optional(),
    slug: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens')
      .max(120)
      .optional(),
    categories: z.array(text(100).min(1)).max(20).default([]),
    image: z
      .object({
        url: z.url({ protocol: /^https?$/, error: 'an absolute http(s) URL' }),
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
