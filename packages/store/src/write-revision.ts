import type { ArticleContent, LanguageCode } from '@tidings/core';
import { targetsOf } from '@tidings/core';
import type { Queryable } from './database.ts';
import { titleKey } from './title-key.ts';
import type { TranslationRequestKey } from './types.ts';

/**
 * Whether two versions of an article's source content are the same, so that a repost or
 * a repeated PUT changes nothing.
 *
 * @example
 * sameContent(article.content, submission); // true for an identical repost
 */
export function sameContent(a: ArticleContent, b: ArticleContent): boolean {
  return (
    a.title === b.title &&
    a.summary === b.summary &&
    a.body === b.body &&
    a.categories.length === b.categories.length &&
    a.categories.every((category, i) => category === b.categories[i]) &&
    (a.image?.url ?? null) === (b.image?.url ?? null) &&
    (a.image?.alt ?? null) === (b.image?.alt ?? null)
  );
}

/**
 * Writes revision `revision` of an article, makes it the source language's live version,
 * and writes one pending outbox request per target language. Part of the caller's
 * transaction; the caller has locked (or just created) the article row and its
 * translation rows exist.
 *
 * @example
 * const requests = await writeRevision(tx, { articleId, revision: 2, sourceLanguage: 'uk', content, publisherKeyId });
 */
export async function writeRevision(
  tx: Queryable,
  input: {
    articleId: string;
    revision: number;
    sourceLanguage: LanguageCode;
    content: ArticleContent;
    publisherKeyId: string;
  },
): Promise<TranslationRequestKey[]> {
  const { articleId, revision, sourceLanguage, content } = input;
  const categories = JSON.stringify(content.categories);
  await tx.query(
    `INSERT INTO revisions
       (article_id, revision, publisher_key_id, title, summary, body, categories, image_url, image_alt)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
    [
      articleId,
      revision,
      input.publisherKeyId,
      content.title,
      content.summary,
      content.body,
      categories,
      content.image?.url ?? null,
      content.image?.alt ?? null,
    ],
  );
  await tx.query(
    `UPDATE translations
        SET revision = $3, status = 'published', content_revision = $3,
            title = $4, summary = $5, body = $6, categories = $7::jsonb, image_alt = $8,
            title_key = $9, model = NULL, reason = NULL, edited_by = NULL,
            started_at = now(), finished_at = now(),
            published_at = COALESCE(published_at, now()), content_updated_at = now()
      WHERE article_id = $1 AND language = $2`,
    [
      articleId,
      sourceLanguage,
      revision,
      content.title,
      content.summary,
      content.body,
      categories,
      content.image?.alt ?? null,
      titleKey(content.title),
    ],
  );
  // An editor's correction outlives a new source revision: it stays live, marked stale,
  // until an editor looks at it again. Everything else waits for a new machine version.
  await tx.query(
    `UPDATE translations
        SET revision = $3,
            status = CASE WHEN status IN ('edited', 'stale') THEN 'stale' ELSE 'queued' END,
            reason = NULL, queued_at = now(), started_at = NULL, finished_at = NULL
      WHERE article_id = $1 AND language <> $2`,
    [articleId, sourceLanguage, revision],
  );
  // Requests for older revisions are superseded; the reconciler must not revive them.
  await tx.query(
    `UPDATE translation_requests SET state = 'done', done_at = now()
      WHERE article_id = $1 AND revision < $2 AND state <> 'done'`,
    [articleId, revision],
  );
  const targets = targetsOf(sourceLanguage);
  await tx.query(
    `INSERT INTO translation_requests (article_id, revision, language)
     SELECT $1, $2, language FROM jsonb_array_elements_text($3::jsonb) AS t(language)
     ON CONFLICT DO NOTHING`,
    [articleId, revision, JSON.stringify(targets)],
  );
  return targets.map((language) => ({ articleId, revision, language }));
}
