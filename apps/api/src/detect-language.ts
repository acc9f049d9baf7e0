import type { LanguageCode } from '@tidings/core';
import { detectLanguage, LanguageDetectionError } from '@tidings/translator/detect';
import { ProblemError } from './problem.ts';

/**
 * The language a submission is written in, or a 422 asking the publisher to give it: an
 * article is refused rather than translated from a guess.
 *
 * @example
 * detectLanguageOrProblem('El ministro dijo que el gobierno aprobará la ley.'); // 'es'
 */
export function detectLanguageOrProblem(text: string, threshold?: number): LanguageCode {
  try {
    return detectLanguage(text, { threshold }).language;
  } catch (error) {
    if (!(error instanceof LanguageDetectionError)) throw error;
    throw new ProblemError('validation', error.message, {
      errors: [{ field: 'language', message: error.message }],
    });
  }
}
