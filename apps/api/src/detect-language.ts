import type { ArticleContent, LanguageCode } from '@tidings/core';
import { detectArticleLanguage, LanguageDetectionError } from '@tidings/translator/detect';
import { ProblemError } from './problem.ts';

/**
 * The language an article is written in, judged from its title, summary and the text of its
 * body (never its markup), or a 422 asking the publisher to give it: an article is refused
 * rather than translated from a guess.
 *
 * @example
 * detectLanguageOrProblem({ title: 'Ley', summary: '', body: '<p>El ministro dijo que…</p>', categories: [] }); // 'es'
 */
export function detectLanguageOrProblem(content: ArticleContent, threshold?: number): LanguageCode {
  try {
    return detectArticleLanguage(content, { threshold }).language;
  } catch (error) {
    if (!(error instanceof LanguageDetectionError)) throw error;
    throw new ProblemError('validation', error.message, {
      errors: [{ field: 'language', message: error.message }],
    });
  }
}
