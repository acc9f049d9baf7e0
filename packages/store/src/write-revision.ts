import { type ArticleContent, LANGUAGE_CODES, type LanguageCode } from '@tidings/core';
import type { Queryable } from './database.ts';
import { requestTranslations } from './outbox-repository.ts';
import { settleLiveVersion } from './settle-live-version.ts';
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
 * The SQL parameters of an article's content as a `revisions` row holds it, in its column
 * order: title, summary, body, categories (JSON), image URL, image alt. One list for every
 * statement that writes a revision, so they cannot drift apart.
 *
 * @example
 * await tx.query('INSERT INTO revisions (article_id, revision, publisher_key_id, title, summary, body, categories, image_url, image_alt) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)', [id, 2, keyId, ...contentParameters(content)]);
 */
export function contentParameters(
  content: ArticleContent,
): [string, string, string, string, string | null, string | null] {
  return [
    content.title,
    content.summary,
    content.body,
    JSON.stringify(content.categories),
    content.image?.url ?? null,
    content.image?.alt ?? null,
  ];
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
    /** The languages served (`LANGUAGES`); the others are neither queued nor requested. */
    languages?: readonly LanguageCode[] | undefined;
  },
): Promise<TranslationRequestKey[]> {
  const { articleId, revision, sourceLanguage, content } = input;
  const targets = (input.languages ?? LANGUAGE_CODES).filter((code) => code !== sourceLanguage);
  await tx.query(
    `INSERT INTO revisions
       (article_id, revision, publisher_key_id, title, summary, body, categories, image_url, image_alt)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
    [articleId, revision, input.publisherKeyId, ...contentParameters(content)],
  );
  // The source language's live version is the revision itself.
  await tx.query(
    `UPDATE translations t
        SET revision = r.revision, status = 'published', content_revision = r.revision,
            title = r.title, summary = r.summary, body = r.body, categories = r.categories,
            image_alt = r.image_alt, title_key = $4, model = NULL, reason = NULL, reasons = NULL,
            edited_by = NULL, started_at = now(), finished_at = now(),
            published_at = COALESCE(t.published_at, now()), content_updated_at = now()
       FROM revisions r
      WHERE r.article_id = $1 AND r.revision = $3 AND t.article_id = $1 AND t.language = $2`,
    [articleId, sourceLanguage, revision, titleKey(content.title)],
  );
  await settleLiveVersion(tx, { articleId, language: sourceLanguage, ...content });
  // A language enabled since the article was first stored gets its row now.
  await tx.query(
    `INSERT INTO translations (article_id, language, revision, status)
     SELECT $1, language, $3, 'queued' FROM jsonb_array_elements_text($2::jsonb) AS t(language)
     ON CONFLICT DO NOTHING`,
    [articleId, JSON.stringify(targets), revision],
  );
  // A language not served any more keeps what it had and is not translated again.
  // An editor's correction outlives a new source revision: it stays live, marked stale,
  // until an editor looks at it again. Everything else waits for a new machine version.
  await tx.query(
    `UPDATE translations
        SET revision = $3,
            status = CASE WHEN status IN ('edited', 'stale') THEN 'stale' ELSE 'queued' END,
            reason = NULL, reasons = NULL, queued_at = now(), started_at = NULL, finished_at = NULL, retry = 0,
            stalled_retries = 0
      WHERE article_id = $1 AND language <> $2
        AND language IN (SELECT jsonb_array_elements_text($4::jsonb))`,
    [articleId, sourceLanguage, revision, JSON.stringify(targets)],
  );
  return requestTranslations(tx, articleId, revision, targets);
}
