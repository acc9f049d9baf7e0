import type { ArticleContent, LanguageCode, SegmentOrigins } from '@tidings/core';
import type { Article } from '@tidings/store';
import type { MemoryTeacher } from '../dispatch/memory-teacher.ts';

/**
 * Where each segment of an editor's version (a correction, an approval with an edit) comes
 * from: the editor, listed by the current source's blocks and sentences. `undefined` without a
 * teacher, or for the source language (which the store refuses to edit).
 *
 * @example
 * const origins = await editOrigins(teacher, article, 'es', edit);
 */
export async function editOrigins(
  teacher: Pick<MemoryTeacher, 'editOrigins'> | undefined,
  article: Pick<Article, 'content' | 'sourceLanguage'>,
  language: LanguageCode,
  edit: ArticleContent,
): Promise<SegmentOrigins | undefined> {
  if (!teacher || article.sourceLanguage === language) return undefined;
  return teacher.editOrigins(article.content, edit, article.sourceLanguage, language);
}
