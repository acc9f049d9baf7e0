import { LANGUAGES, type LanguageCode, languageName, type TranslationStatus } from '@tidings/core';
import type { ArticleIndexPage, ArticleSummary } from '@tidings/store';
import { html } from 'hono/html';
import type { DeskEnv } from './desk-env.ts';
import { errorSummary, type FieldError, fieldError } from './error-summary.ts';
import type { queueVersion } from './queue-version.ts';
import { utcTime } from './utc-time.ts';

/** The queue's states, in the order an editor works through them. */
export const QUEUE_STATES: readonly TranslationStatus[] = [
  'needs_review',
  'stale',
  'failed',
  'queued',
  'translating',
  'published',
  'edited',
];

/** The queue's filters as the page's query string has them (the API listing's names). */
export interface QueueFilters {
  readonly status?: TranslationStatus | undefined;
  readonly language?: LanguageCode | undefined;
  readonly q?: string | undefined;
  readonly cursor?: string | undefined;
}

/** What the queue page shows. */
export interface QueuePageInput {
  readonly t: DeskEnv['Variables']['t'];
  readonly language: LanguageCode;
  readonly filters: QueueFilters;
  /** `undefined` when the filters were refused (`errors`). */
  readonly page: ArticleIndexPage | undefined;
  readonly errors: readonly FieldError[];
  /** How often the page's script checks for changes, in milliseconds. */
  readonly pollMs: number;
  /** What the queue shows, as {@link queueVersion} says it: the page's script compares it. */
  readonly version: string;
  /** The languages served (`LANGUAGES`), the only ones the language filter offers; all six when absent. */
  readonly languages?: readonly LanguageCode[] | undefined;
}

/**
 * The link to the queue with these filters (no cursor unless given): the first page.
 *
 * @example
 * queueUrl({ status: 'needs_review', language: 'de' }); // '/desk/?status=needs_review&language=de'
 */
export function queueUrl(filters: QueueFilters): string {
  const params = new URLSearchParams();
  for (const name of ['status', 'language', 'q', 'cursor'] as const) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  const query = params.toString();
  return query ? `/desk/?${query}` : '/desk/';
}

function articleRow(input: QueuePageInput, article: ArticleSummary) {
  const { t, language } = input;
  const targets = article.languages.filter((l) => l.language !== article.sourceLanguage);
  return html`<tr>
<td data-label="${t('desk:queue.column.article')}"><a href="/desk/articles/${article.id}">${article.title}</a>
<div class="meta">${t('desk:queue.writtenIn', { language: languageName(article.sourceLanguage, language) })} · ${t('desk:queue.revision', { revision: article.revision })}</div></td>
<td data-label="${t('desk:queue.column.languages')}"><ul class="langs">${targets.map(
    (l) =>
      html`<li><span class="state state-${l.status}"><abbr title="${languageName(l.language, language)}">${l.language.toUpperCase()}</abbr> ${t(`desk:state.${l.status}`)}</span></li>`,
  )}</ul></td>
<td data-label="${t('desk:queue.column.updated')}"><time datetime="${article.updatedAt.toISOString()}">${utcTime(language, article.updatedAt)}</time></td>
</tr>`;
}

/**
 * The queue: how many target languages are in each state (each a link filtering by it), a
 * filter by language and title words, and the articles newest first, a page at a time (keyset
 * cursor). The list is the `[data-live-queue]` region the desk's script refreshes.
 *
 * @example
 * deskPage(c, { title: t('desk:queue.title'), current: 'queue', content: queuePage({ t, language, filters, page, errors: [], pollMs: 5000, version: queueVersion(page) }) });
 */
export function queuePage(input: QueuePageInput) {
  const { t, filters, page, errors } = input;
  const states = html`<ul class="states" aria-label="${t('desk:queue.statesLabel')}">
<li><a href="${queueUrl({ ...filters, status: undefined, cursor: undefined })}"${filters.status ? '' : html` aria-current="true"`}>${t('desk:queue.allStates')}</a></li>
${QUEUE_STATES.map(
  (s) =>
    html`<li><a href="${queueUrl({ ...filters, status: s, cursor: undefined })}"${filters.status === s ? html` aria-current="true"` : ''}><span>${t(`desk:state.${s}`)}</span> <span class="count">${page?.counts[s] ?? 0}</span></a></li>`,
)}
</ul>`;
  const rows = page?.items ?? [];
  return html`${errorSummary(t, errors)}
<h1>${t('desk:queue.title')}</h1>
<p id="queue-status" class="visually-hidden" role="status" data-updated="${t('desk:queue.updated')}"></p>
<form class="filters" method="get" action="/desk/" role="search" aria-label="${t('desk:queue.filterLabel')}">
${filters.status ? html`<input type="hidden" name="status" value="${filters.status}">` : ''}
<div class="field">
<label for="language">${t('desk:queue.languageLabel')}</label>
${fieldError(errors, 'language')}
<select id="language" name="language">
<option value="">${t('desk:queue.anyLanguage')}</option>
${LANGUAGES.filter((l) => input.languages?.includes(l.code) ?? true).map((l) => html`<option value="${l.code}"${filters.language === l.code ? ' selected' : ''}>${languageName(l.code, input.language)}</option>`)}
</select>
</div>
<div class="field">
<label for="q">${t('desk:queue.searchLabel')}</label>
${fieldError(errors, 'q')}
<input id="q" name="q" type="search" value="${filters.q ?? ''}" maxlength="200">
</div>
<button type="submit" class="secondary">${t('desk:queue.filter')}</button>
</form>
<section data-live-queue data-version="${input.version}" data-poll-ms="${input.pollMs}" aria-labelledby="queue-results">
${states}
<h2 id="queue-results">${t('desk:queue.results', { count: rows.length })}</h2>
${
  rows.length === 0
    ? html`<p>${t('desk:queue.empty')}</p>`
    : html`<table>
<thead><tr><th scope="col">${t('desk:queue.column.article')}</th><th scope="col">${t('desk:queue.column.languages')}</th><th scope="col">${t('desk:queue.column.updated')}</th></tr></thead>
<tbody>
${rows.map((a) => articleRow(input, a))}
</tbody>
</table>`
}
<nav class="pager" aria-label="${t('desk:queue.pagesLabel')}">
${filters.cursor ? html`<a href="${queueUrl({ ...filters, cursor: undefined })}">${t('desk:queue.firstPage')}</a>` : ''}
${page?.nextCursor ? html`<a href="${queueUrl({ ...filters, cursor: page.nextCursor })}" rel="next">${t('desk:queue.olderPage')}</a>` : ''}
</nav>
</section>`;
}
