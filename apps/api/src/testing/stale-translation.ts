import type { ArticleContent, LanguageCode } from '@tidings/core';
import type { ApiHarness } from './api-harness.ts';

/** A translation an editor saved, whose source a publisher then revised. */
export interface StaleTranslationInput {
  readonly articleId: string;
  readonly language: LanguageCode;
  /** The editor's version of revision 1, saved under the harness's editor key. */
  readonly edited: ArticleContent;
  /** The whole source of revision 2, as the publisher PUTs it. */
  readonly revisedSource: object;
  /** The worker's fresh machine draft of revision 2. */
  readonly draft: ArticleContent;
  /** The model that wrote the draft. */
  readonly model: string;
}

/**
 * Makes an edited translation stale as it happens in a newsroom: the editor's version is
 * saved, the publisher revises the source (revision 2) through the API, and the worker's
 * draft of revision 2 is recorded as the results consumer records it. Resolves with the API's
 * answer to the revision (202 when it was accepted), for the test to check.
 *
 * @example
 * const revised = await staleTranslation(h, { articleId: id, language: 'es', edited, revisedSource, draft, model: 'Xenova/opus-mt-en-es' });
 * expect(revised.status).toBe(202);
 */
export async function staleTranslation(
  h: ApiHarness,
  input: StaleTranslationInput,
): Promise<Response> {
  const found = await h.store.lookupToken(h.keys.editor);
  const editorKeyId = found.status === 'valid' ? found.key.id : '';
  await h.store.editTranslation(input.articleId, input.language, input.edited, editorKeyId);
  const revised = await h.call(
    'PUT',
    `/v1/articles/${input.articleId}`,
    h.keys.publisher,
    input.revisedSource,
  );
  await h.store.recordTranslationResult({
    articleId: input.articleId,
    language: input.language,
    revision: 2,
    model: input.model,
    status: 'published',
    content: input.draft,
  });
  return revised;
}
