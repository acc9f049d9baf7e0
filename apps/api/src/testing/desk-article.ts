import type { LanguageCode } from '@tidings/core';
import { expect } from 'vitest';
import type { ApiHarness } from './api-harness.ts';
import { type DeskClient, deskClient } from './desk-client.ts';
import { heldDraft } from './held-draft.ts';

/** The article the desk tests post: two paragraphs of English news. */
export const HARBOUR = {
  title: 'Harbour reopens after the storm',
  summary: 'Ships are back.',
  body: '<p>The harbour reopened on Monday.</p><p>Fishing boats left at dawn.</p>',
  language: 'en',
};

/** What the desk's article tests do over and over, bound to the file's harness. */
export interface DeskArticle {
  /** Posts `body` (by default {@link HARBOUR}) under `key`; expects a 201 and gives the id. */
  post(key?: string, body?: object): Promise<string>;
  /** Posts {@link HARBOUR} and holds a draft of `language` for review, with its reason in English. */
  held(language?: LanguageCode, key?: string): Promise<string>;
  /** A desk client signed in with `key` (expects the sign-in's 303). */
  signedIn(key: string): Promise<DeskClient>;
}

/**
 * The desk article tests' fixture over a harness made in `beforeAll` (hence the getter).
 *
 * @example
 * const { post, held, signedIn } = deskArticle(() => h);
 * const desk = await signedIn(h.keys.editor);
 * await desk.get(`/desk/articles/${await held()}`);
 */
export function deskArticle(harness: () => ApiHarness): DeskArticle {
  return {
    async post(key = harness().keys.publisher, body: object = HARBOUR) {
      const res = await harness().call('POST', '/v1/articles', key, body);
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    },
    held(language: LanguageCode = 'de', key = harness().keys.publisher) {
      return heldDraft(harness(), {
        source: HARBOUR,
        key,
        language,
        reason: 'A link was lost in “The harbour reopened on Monday.”; A number is missing',
        draft: {
          title: 'Hafen öffnet nach dem Sturm',
          summary: 'Schiffe sind zurück.',
          body: '<p>Der Hafen öffnete am Montag.</p><p>Fischerboote fuhren im Morgengrauen los.</p>',
          categories: [],
        },
      });
    },
    async signedIn(key: string) {
      const desk = deskClient(harness().app);
      expect((await desk.signIn(key)).status).toBe(303);
      return desk;
    },
  };
}

/**
 * The CSRF token and the `seen` stamp of a page's form for `action` (`de/approve`), as the
 * browser would post them back.
 *
 * @example
 * const form = seenOf(page, 'de/approve');
 * await desk.post(`/desk/articles/${id}/de/approve`, { _csrf: form?.[1] ?? '', seen: form?.[2] ?? '' });
 */
export const seenOf = (page: string, action: string) =>
  new RegExp(
    `action="[^"]*/${action}"[^>]*>\\s*<input type="hidden" name="_csrf" value="([^"]+)">\\s*<input type="hidden" name="seen" value="([^"]+)">`,
  ).exec(page);
