import { ModelUnavailableError, TranslationInputError } from '@tidings/translator';
import { describe, expect, it } from 'vitest';
import { EngineTranslationError } from './engine-client.ts';
import { failureMessage, failureOf } from './failure-of.ts';

describe('failureOf', () => {
  it('names each failure a worker reports by code, with the fields its text needs', () => {
    expect(failureOf(new ModelUnavailableError('Xenova/opus-mt-en-de', '/m', 'not found'))).toEqual(
      {
        code: 'model-unavailable',
        model: 'Xenova/opus-mt-en-de',
        modelsDir: '/m',
      },
    );
    expect(
      failureOf(
        new TranslationInputError('too_large', 'The article has 9 characters', {
          size: 9,
          limit: 8,
        }),
      ),
    ).toEqual({
      code: 'input-refused',
      input: 'too_large',
      fields: { size: 9, limit: 8 },
      message: 'The article has 9 characters',
    });
    // An engine's error keeps the failure the engine named.
    const engine = new EngineTranslationError({
      name: 'ModelUnavailableError',
      message: 'Model … is not available',
      unrecoverable: true,
      failure: { code: 'model-unavailable', model: 'Xenova/opus-mt-en-it', modelsDir: '/m' },
    });
    expect(failureOf(engine)).toEqual({
      code: 'model-unavailable',
      model: 'Xenova/opus-mt-en-it',
      modelsDir: '/m',
    });
    // Anything else: its English message under the generic code; never an empty one.
    expect(failureOf(new RangeError('boom'))).toEqual({
      code: 'translation-error',
      message: 'boom',
    });
    expect(failureOf(new Error(''))).toEqual({ code: 'translation-error', message: 'Error' });
    expect(failureOf(undefined)).toEqual({ code: 'translation-error', message: 'undefined' });
    expect(failureMessage('')).toBe('an empty error');
  });
});
