import type { ArticleContent, LanguageCode, SegmentOrigins } from '@tidings/core';
import type { Database } from './database.ts';
import { ConflictError, NotFoundError } from './errors.ts';
import {
  insertVersion,
  keepUnsent,
  lockTranslation,
  makeLive,
  readTranslation,
} from './insert-version.ts';
import { addMemoryLesson } from './memory-lessons-repository.ts';
import { finishRequest } from './outbox-repository.ts';
import { isStoreId } from './read-article.ts';
import type { ContentColumns } from './rows.ts';
import { settleLiveVersion } from './settle-live-version.ts';
import type { EditedContent, Translation } from './types.ts';

/**
 * Approvals: an editor publishes a machine draft held for review (`needs_review`), as it is
 * (it goes live as the machine's, `published`, marked approved) or with an edit in the same
 * call (it goes live as the editor's, `edited`, approved). Who approved it and when is kept
 * with the version and with the live state.
 *
 * @example
 * await approvals.approveTranslation(articleId, 'de', editorKeyId);
 */
export class ApprovalsRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /**
   * Approves the `needs_review` draft of one language of an article's current revision; a
   * {@link ConflictError} when there is none to approve (another state, the source language,
   * a retracted article). Either way the approved version becomes a memory lesson; an edit
   * keeps its `segmentOrigins`, and what it leaves out keeps the draft's value
   * ({@link keepUnsent}).
   */
  approveTranslation(
    articleId: string,
    language: LanguageCode,
    editorKeyId: string,
    edit?: EditedContent,
    segmentOrigins?: SegmentOrigins,
  ): Promise<Translation> {
    return this.#db.transaction(async (tx) => {
      const current = await lockTranslation(tx, articleId, language);
      const [article] = isStoreId(articleId)
        ? await tx.query<{ retracted_at: Date | null }>(
            'SELECT retracted_at FROM articles WHERE id = $1',
            [articleId],
          )
        : [];
      if (!article) throw new NotFoundError('article', articleId);
      if (language === current.source_language) {
        throw new ConflictError(
          'source_language',
          `${language} is the source language of article ${articleId}; there is no draft to approve`,
          { id: articleId, lang: language },
        );
      }
      if (article.retracted_at) {
        throw new ConflictError('retracted', `Article ${articleId} was retracted`, {
          id: articleId,
        });
      }
      if (current.status !== 'needs_review') {
        throw new ConflictError(
          'not_awaiting_review',
          `The ${language} version is ${current.status}; only a needs_review draft can be approved`,
          { lang: language, status: current.status },
        );
      }
      const { revision } = current;
      let versionId: string;
      let content: ArticleContent;
      if (edit) {
        content = await keepUnsent(tx, articleId, language, current, edit);
        const id = await insertVersion(tx, {
          articleId,
          language,
          revision,
          origin: 'editor',
          status: 'edited',
          content,
          editedBy: editorKeyId,
          approvedBy: editorKeyId,
          segmentOrigins,
        });
        if (id === undefined) throw new Error('An approved version was not kept');
        versionId = id;
      } else {
        const [draft] = await tx.query<ContentColumns & { id: string }>(
          `UPDATE translation_versions SET status = 'published', approved_by = $4, approved_at = now()
            WHERE id = (SELECT id FROM translation_versions
                         WHERE article_id = $1 AND language = $2 AND revision = $3
                           AND origin = 'machine'
                         ORDER BY id DESC LIMIT 1)
            RETURNING id, title, summary, body, categories, image_alt`,
          [articleId, language, revision, editorKeyId],
        );
        // needs_review is only ever set with its machine version kept beside it.
        if (!draft || draft.title === null) {
          throw new Error(`The draft of ${articleId}/${language} is missing`);
        }
        versionId = draft.id;
        content = {
          title: draft.title,
          summary: draft.summary ?? '',
          body: draft.body ?? '',
          categories: draft.categories ?? [],
        };
      }
      await makeLive(tx, versionId, content.title);
      await addMemoryLesson(tx, versionId);
      // What the draft was held for is answered by the approval (the version keeps it).
      await tx.query(
        'UPDATE translations SET reason = NULL, reasons = NULL WHERE article_id = $1 AND language = $2',
        [articleId, language],
      );
      await settleLiveVersion(tx, { articleId, language, ...content });
      await finishRequest(tx, { articleId, language, revision });
      return readTranslation(tx, articleId, language);
    });
  }
}
