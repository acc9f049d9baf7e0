import { z } from 'zod';

/**
 * Why the translator refused an article: each has its own sentence (`failed.input.{input}` in
 * `locales/{lang}/review.json`; the locale parity test walks this list).
 */
export const INPUT_REFUSALS = [
  'unsupported_language',
  'no_route',
  'same_language',
  'too_large',
] as const;

/**
 * The fields each refusal's sentence may name, as the translator gives them
 * (`TranslationInputError.fields`): the language refused, the route missing, the size over the
 * limit. The locale test holds every language's `failed.input.{input}` to these.
 */
export const INPUT_REFUSAL_FIELDS = {
  unsupported_language: ['language'],
  no_route: ['from', 'to'],
  same_language: ['language'],
  too_large: ['size', 'limit'],
} as const satisfies Record<(typeof INPUT_REFUSALS)[number], readonly string[]>;

/**
 * Why a language version could not be translated, as data that travels (the result message)
 * and is kept (the store's `reasons` of a failed language): a stable `code` and the fields its
 * sentence needs. The human sentence is chosen per language from `locales/{lang}/review.json`
 * (`failed.{code}`) by code; the English message travels beside it for the logs.
 *
 * - `model-unavailable`: the model is neither in the models directory nor fetchable.
 * - `input-refused`: the translator refused the article (`input`: the translator's code, one of
 *   {@link INPUT_REFUSALS}; `fields`: what its sentence names, absent from older workers' results).
 * - `engine-exited`: the translation engine process died while translating (`exit`: its
 *   signal, or `code N`).
 * - `stalled`: its workers died or lost Redis while holding the job, `stalls` times per job
 *   over `jobs` jobs.
 * - `unreadable-result`: the API could not read the worker's result (`problems`).
 * - `translation-error`: any other error, with its English `message` (also a failure kept
 *   before codes, whose text is all there is).
 *
 * @example
 * failureReasonSchema.parse({ code: 'model-unavailable', model: 'Xenova/opus-mt-en-de', modelsDir: '/srv/models' });
 */
export const failureReasonSchema = z.discriminatedUnion('code', [
  z
    .object({ code: z.literal('model-unavailable'), model: z.string(), modelsDir: z.string() })
    .readonly(),
  z
    .object({
      code: z.literal('input-refused'),
      input: z.enum(INPUT_REFUSALS),
      fields: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      message: z.string(),
    })
    .readonly(),
  z.object({ code: z.literal('engine-exited'), exit: z.string() }).readonly(),
  z
    .object({
      code: z.literal('stalled'),
      stalls: z.number().int().min(1),
      jobs: z.number().int().min(1),
    })
    .readonly(),
  z.object({ code: z.literal('unreadable-result'), problems: z.string() }).readonly(),
  z.object({ code: z.literal('translation-error'), message: z.string() }).readonly(),
]);

/** A failure reason as it travels and is kept: see {@link failureReasonSchema}. */
export type FailureReasonData = z.infer<typeof failureReasonSchema>;

/** Every failure code, from {@link failureReasonSchema} (the locale parity test walks it). */
export const FAILURE_CODES: readonly FailureReasonData['code'][] = failureReasonSchema.options.map(
  (option) => option.unwrap().shape.code.value,
);
