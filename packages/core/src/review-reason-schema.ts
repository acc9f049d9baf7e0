import { z } from 'zod';

const segment = z.string();
const runs = z.array(z.string()).readonly();

/**
 * Why a language version must be reviewed, as data that travels (the result message) and is
 * kept (the store): a stable `code`, the fields its sentence needs, and the `segment` it is
 * about. The human sentence is chosen per language from `locales/{lang}/review.json` by code.
 * It mirrors the translator's `ReviewReason`, so a worker's reasons parse as they are.
 *
 * @example
 * reviewReasonSchema.parse({ code: 'number-missing', number: '5', segment: 'On 5 May.' });
 */
export const reviewReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('placeholder-unknown'), placeholder: z.string(), segment }).readonly(),
  z
    .object({
      code: z.enum(['placeholder-missing', 'placeholder-repeated', 'placeholder-out-of-order']),
      placeholder: z.number().int(),
      segment,
    })
    .readonly(),
  z.object({ code: z.literal('empty-translation'), segment }).readonly(),
  z.object({ code: z.literal('number-missing'), number: z.string(), segment }).readonly(),
  z.object({ code: z.literal('repetition-loop'), phrase: z.string(), segment }).readonly(),
  z.object({ code: z.literal('length-ratio'), ratio: z.number(), segment }).readonly(),
  z.object({ code: z.literal('lost-foreign-run'), runs, segment }).readonly(),
  z.object({ code: z.literal('lost-protected-run'), runs, segment }).readonly(),
  z
    .object({
      code: z.literal('markup-repaired'),
      repairs: z
        .array(
          z
            .object({
              placeholder: z.string(),
              how: z.enum(['restored', 'moved', 'renumbered', 'deduplicated']),
            })
            .readonly(),
        )
        .readonly(),
      segment,
    })
    .readonly(),
]);

/** A review reason as it travels and is kept: see {@link reviewReasonSchema}. */
export type ReviewReasonData = z.infer<typeof reviewReasonSchema>;
