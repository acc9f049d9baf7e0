import type { ArticleContent, LanguageCode } from '@tidings/core';
import { detectArticleLanguage, LanguageDetectionError } from '@tidings/translator/detect';
import { fieldProblem } from './field-problem.ts';
import { ProblemError } from './problem.ts';

/**
 * The language an article is written in, judged from its title, summary and the text of its
 * body (never its markup), or a 422 asking the publisher to give it: an article is refused
 * rather than translated from a guess. The 422 says why by code (`language-too-short`, or
 * `language-uncertain` with the best guess and its confidence), in the reader's language.
 *
 * @example
 * detectLanguageOrProblem({ title: 'Ley', summary: '', body: '<p>El ministro dijo que…</p>', categories: [] }); // 'es'
 */
export function detectLanguageOrProblem(content: ArticleContent, threshold?: number): LanguageCode {
  try {
    return detectArticleLanguage(content, { threshold }).language;
  } catch (error) {
    if (!(error instanceof LanguageDetectionError)) throw error;
    throw new ProblemError(
      'validation',
      error.code === 'too_short'
        ? { key: 'language-too-short' }
        : {
            key: 'language-uncertain',
            fields: { guess: error.guess ?? '–', confidence: error.confidence.toFixed(2) },
          },
      { errors: [fieldProblem('language', 'language-undetected')] },
    );
  }
}
