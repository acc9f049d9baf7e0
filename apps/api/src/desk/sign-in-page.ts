import { html } from 'hono/html';
import type { DeskEnv } from './desk-env.ts';
import { csrfField } from './desk-layout.ts';
import { errorSummary, type FieldError, fieldError } from './error-summary.ts';

/**
 * The sign-in form's content: one password field for the API key (never filled in again
 * after an error, never sent in a URL), the error summary, and where to go afterwards.
 *
 * @example
 * deskPage(c, { title: t('desk:signIn.title'), current: 'sign-in', content: signInPage(t, token, '/desk/', []) });
 */
export function signInPage(
  t: DeskEnv['Variables']['t'],
  csrfToken: string,
  next: string,
  errors: readonly FieldError[],
) {
  const invalid = errors.some((e) => e.field === 'key');
  return html`${errorSummary(t, errors)}
<h1>${t('desk:signIn.title')}</h1>
<p>${t('desk:signIn.intro')}</p>
<form method="post" action="/desk/sign-in" novalidate>
${csrfField(csrfToken)}
<input type="hidden" name="next" value="${next}">
<div class="field${invalid ? ' has-error' : ''}">
<label for="key">${t('desk:signIn.keyLabel')}</label>
<p class="hint" id="key-hint">${t('desk:signIn.keyHint')}</p>
${fieldError(errors, 'key')}
<input id="key" name="key" type="password" autocomplete="current-password" spellcheck="false" autocapitalize="off" required aria-describedby="key-hint${invalid ? ' key-error' : ''}"${invalid ? html` aria-invalid="true"` : ''}>
</div>
<button type="submit">${t('desk:signIn.submit')}</button>
</form>`;
}
