import { html } from 'hono/html';
import type { DeskEnv } from './desk-env.ts';

/** One problem with a form: the id of the field it concerns and what to do about it. */
export interface FieldError {
  /** The `id` of the field, linked to from the summary. */
  readonly field: string;
  readonly message: string;
}

/**
 * GOV.UK Frontend's error summary: a focusable box at the top of the page, titled "There is a
 * problem", listing each error as a link to its field. Empty when there is none.
 *
 * @example
 * html`${errorSummary(t, [{ field: 'key', message: t('desk:signIn.errors.unknown') }])}<form>…`;
 */
export function errorSummary(t: DeskEnv['Variables']['t'], errors: readonly FieldError[]) {
  if (errors.length === 0) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title" data-autofocus>
<h2 id="error-summary-title">${t('desk:errors.title')}</h2>
<ul>${errors.map((e) => html`<li><a href="#${e.field}">${e.message}</a></li>`)}</ul>
</div>`;
}

/**
 * A field's own error message, placed above its input and named by its `aria-describedby`.
 *
 * @example
 * html`<label for="key">…</label>${fieldError(errors, 'key')}<input id="key" …>`;
 */
export function fieldError(errors: readonly FieldError[], field: string) {
  const error = errors.find((e) => e.field === field);
  return error
    ? html`<p class="field-error" id="${field}-error"><span class="visually-hidden">!</span>${error.message}</p>`
    : html``;
}
