import { type FailureReasonData, failureReasonSchema } from '@tidings/core';
import { ModelUnavailableError, TranslationInputError } from '@tidings/translator';

/**
 * The English message of an error, for the logs and the failure's `reason` text: an error
 * without a message is named by what it is.
 *
 * @example
 * failureMessage(new Error('')); // 'Error'
 */
export function failureMessage(error: unknown): string {
  return (error instanceof Error ? error.message || error.name : String(error)) || 'an empty error';
}

/**
 * Why a translation failed, as a code and its fields (see `failureReasonSchema`): the failure an
 * error carries (an engine's error, rebuilt on the worker's side), a missing model, input the
 * translator refused, or, for any other error, `translation-error` with its English message.
 *
 * @example
 * failureOf(new ModelUnavailableError('Xenova/opus-mt-en-de', '/srv/models', 'not found'));
 * // { code: 'model-unavailable', model: 'Xenova/opus-mt-en-de', modelsDir: '/srv/models' }
 */
export function failureOf(error: unknown): FailureReasonData {
  const carried = failureReasonSchema.safeParse((error as { failure?: unknown } | null)?.failure);
  if (carried.success) return carried.data;
  if (error instanceof ModelUnavailableError) {
    return { code: 'model-unavailable', model: error.model, modelsDir: error.modelsDir };
  }
  if (error instanceof TranslationInputError) {
    // `instanceof` narrows a generic class to its `any` form: read it as any refusal.
    const refusal: TranslationInputError = error;
    return {
      code: 'input-refused',
      input: refusal.code,
      fields: refusal.fields,
      message: refusal.message,
    };
  }
  return { code: 'translation-error', message: failureMessage(error) };
}
