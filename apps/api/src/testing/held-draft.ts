import type { ArticleContent, LanguageCode, ReviewReasonData } from '@tidings/core';
import type { ApiHarness } from './api-harness.ts';

/** What {@link heldDraft} posts and holds; each field has a default. */
export interface HeldDraftInput {
  /** The source as the publisher POSTs it; by default a one-sentence English article. */
  readonly source?: object;
  /** The publisher's key; by default the harness's publisher. */
  readonly key?: string;
  /** The language of the draft; by default German. */
  readonly language?: LanguageCode;
  /** The model that wrote the draft; by default `Xenova/opus-mt-en-de`. */
  readonly model?: string;
  /** Why it was held, in English; none by default. */
  readonly reason?: string;
  /** Why it was held, as data; none by default. */
  readonly reasons?: readonly ReviewReasonData[];
  /** The draft itself; by default a German translation of the default source. */
  readonly draft?: ArticleContent;
  /** When the model started and finished it, as a worker reports them; none by default. */
  readonly timings?: { readonly startedAt: Date; readonly finishedAt: Date };
}

/**
 * Posts an article through the API and records a worker's draft of one language that a
 * quality gate held for review (`needs_review`), as the results consumer records it; resolves
 * with the article's id. The post must be accepted (201), or the fixture throws.
 *
 * @example
 * const id = await heldDraft(h, { reason: 'a link was lost' });
 * await h.call('POST', `/v1/articles/${id}/de/approve`, h.keys.editor);
 */
export async function heldDraft(h: ApiHarness, input: HeldDraftInput = {}): Promise<string> {
  const res = await h.call('POST', '/v1/articles', input.key ?? h.keys.publisher, {
    ...(input.source ?? {
      title: 'Ships leave on 5 May',
      body: '<p>Ships leave on 5 May.</p>',
      language: 'en',
    }),
  });
  if (res.status !== 201) throw new Error(`The article was not posted: ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  await h.store.recordTranslationResult({
    articleId: id,
    language: input.language ?? 'de',
    revision: 1,
    model: input.model ?? 'Xenova/opus-mt-en-de',
    status: 'needs_review',
    reason: input.reason,
    reasons: input.reasons,
    timings: input.timings,
    content: input.draft ?? {
      title: 'Schiffe fahren',
      summary: '',
      body: '<p>Schiffe fahren.</p>',
      categories: [],
    },
  });
  return id;
}
