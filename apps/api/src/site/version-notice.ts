import type { LanguageCode, VersionProvenance } from '@tidings/core';
import { provenanceNotice } from '@tidings/i18n';
import { html } from 'hono/html';

/** What {@link versionNotice} needs to tell a reader where a version comes from. */
export interface VersionNoticeInput {
  /** The reader's language: the page's, whatever language the text below is in. */
  readonly language: LanguageCode;
  readonly provenance: VersionProvenance;
  /** The original's page, linked from a translation's notice. */
  readonly originalUrl: string;
  /** Demonstration mode: the translation models are test models. */
  readonly demo?: boolean | undefined;
}

/**
 * The one notice above an article that tells readers how the version in front of them was
 * made: machine-translated (with the model), reviewed or edited by an editor, edited before
 * the original changed (stale), or not available (the original shown instead), with a link to
 * the original, and the demonstration warning when there is one. Keyed by the provenance's
 * kind (`notice-machine`, `notice-stale`…), so a style or a test can tell them apart; empty
 * for an original outside demonstration mode.
 *
 * @example
 * versionNotice({ language: 'uk', provenance, originalUrl: urls.article('en', slug) });
 */
export function versionNotice(input: VersionNoticeInput) {
  const { provenance } = input;
  const notice = provenanceNotice(provenance, input.language, { demo: input.demo });
  if (!notice) return html``;
  return html`<div class="notice notice-${provenance.kind}" role="note" lang="${input.language}" data-provenance="${provenance.kind}">
${notice.text ? html`<p>${notice.text}${notice.originalLink ? html` <a class="original" href="${input.originalUrl}" hreflang="${provenance.sourceLanguage}">${notice.originalLink}</a>` : ''}</p>` : ''}
${notice.demo ? html`<p class="demo">${notice.demo}</p>` : ''}
</div>`;
}
