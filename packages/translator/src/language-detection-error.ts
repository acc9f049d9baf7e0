import type { LanguageCode } from '@tidings/core';

/**
 * The source language could not be told with enough confidence. The API answers it with a
 * 4xx asking the publisher to say which language the article is in, rather than guessing.
 *
 * @example
 * throw new LanguageDetectionError('too_short', undefined, 0);
 */
export class LanguageDetectionError extends Error {
  override readonly name = 'LanguageDetectionError';
  /** Bad input, not a transient fault: retrying the same text gives the same answer. */
  readonly unrecoverable = true;
  /** `too_short`: too little text to judge; `uncertain`: the best guess is below the threshold. */
  readonly code: 'too_short' | 'uncertain';
  /** The best guess, when there was one. */
  readonly guess: LanguageCode | undefined;
  /** Confidence of the best guess, from 0 to 1. */
  readonly confidence: number;

  constructor(
    code: 'too_short' | 'uncertain',
    guess: LanguageCode | undefined,
    confidence: number,
  ) {
    super(
      code === 'too_short'
        ? 'Too little text to detect the language; give the language explicitly.'
        : `Cannot tell the language with confidence (best guess ${guess ?? 'none'} at ${confidence.toFixed(2)}); give the language explicitly.`,
    );
    this.code = code;
    this.guess = guess;
    this.confidence = confidence;
  }
}
