import { LANGUAGES, type LanguageCode, languageName } from '@tidings/core';
import type { ApiKey, GlossaryEntry, GlossaryHistoryPage } from '@tidings/store';
import { html } from 'hono/html';
import type { DeskEnv } from './desk-env.ts';
import { csrfField } from './desk-layout.ts';
import { errorSummary, type FieldError, fieldError } from './error-summary.ts';
import { glossaryHistory } from './glossary-history.ts';
import { utcTime } from './utc-time.ts';

/** The glossary form's values as typed, kept after an error. */
export interface GlossaryFormValues {
  readonly source: string;
  readonly from: string;
  readonly translations: Partial<Record<LanguageCode, string>>;
  readonly caseSensitive: boolean;
}

/** What the glossary page shows. */
export interface GlossaryPageInput {
  readonly t: DeskEnv['Variables']['t'];
  readonly language: LanguageCode;
  readonly csrfToken: string;
  readonly version: number;
  readonly terms: readonly GlossaryEntry[];
  /** Every key, to name who changed each term. */
  readonly keys: readonly ApiKey[];
  /** The form's values: empty to add a term, a term's to change it, or as typed after an error. */
  readonly form: GlossaryFormValues;
  readonly errors: readonly FieldError[];
  /** A line saying what was just done. */
  readonly notice?: string | undefined;
  /** The history's page shown, and the `before` it was asked for. */
  readonly history: GlossaryHistoryPage;
  readonly historyBefore: number | undefined;
  /** The languages served (`LANGUAGES`), offered in the form; all six when absent. */
  readonly languages?: readonly LanguageCode[] | undefined;
}

/** An empty form: adding a term. */
export const EMPTY_GLOSSARY_FORM: GlossaryFormValues = {
  source: '',
  from: '',
  translations: {},
  caseSensitive: true,
};

function termRow(input: GlossaryPageInput, term: GlossaryEntry, names: Map<string, string>) {
  const { t, language } = input;
  const translations = Object.entries(term.translations ?? {});
  return html`<tr>
<th scope="row" data-label="${t('desk:glossary.column.term')}">${term.source}</th>
<td data-label="${t('desk:glossary.column.translations')}">${
    translations.length === 0
      ? t('desk:glossary.keptAsWritten')
      : html`<ul class="langs">${translations.map(
          ([code, text]) =>
            html`<li><abbr title="${languageName(code as LanguageCode, language)}">${code.toUpperCase()}</abbr> <span lang="${code}">${text}</span></li>`,
        )}</ul>`
  }
<div class="meta">${term.from ? t('desk:glossary.fromLanguage', { language: languageName(term.from, language) }) : t('desk:glossary.fromAny')} · ${t(term.caseSensitive ? 'desk:glossary.caseSensitive' : 'desk:glossary.caseInsensitive')}</div></td>
<td data-label="${t('desk:glossary.column.changed')}">${t('desk:glossary.changedBy', { name: term.updatedBy ? (names.get(term.updatedBy) ?? term.updatedBy) : t('desk:glossary.file') })}<br><time datetime="${term.updatedAt.toISOString()}">${utcTime(language, term.updatedAt)}</time></td>
<td><a href="/desk/glossary?term=${encodeURIComponent(term.source)}#source">${t('desk:glossary.change')}<span class="visually-hidden"> ${term.source}</span></a>
<form class="inline" method="post" action="/desk/glossary/remove">${csrfField(input.csrfToken)}<input type="hidden" name="source" value="${term.source}">
<button type="submit" class="link">${t('desk:glossary.remove')}<span class="visually-hidden"> ${term.source}</span></button></form></td>
</tr>`;
}

/**
 * The glossary: every term with its translations, who changed it last and when, a link to
 * change it and a button to remove it; the form that adds a term or changes one; and the
 * history of every change (who, what, when). The form offers the languages served only.
 *
 * @example
 * deskPage(c, { title: t('desk:glossary.title'), current: 'glossary', content: glossaryPage(input) });
 */
export function glossaryPage(input: GlossaryPageInput) {
  const { t, form, errors } = input;
  const names = new Map(input.keys.map((k) => [k.id, k.name]));
  // A term's translation or source language outside LANGUAGES is kept, not offered: saving
  // the form must not drop what was there before LANGUAGES was narrowed.
  const served = (code: LanguageCode) => input.languages?.includes(code) ?? true;
  const invalid = (field: string) =>
    errors.some((e) => e.field === field)
      ? html` aria-invalid="true" aria-describedby="${field}-error"`
      : '';
  return html`${errorSummary(t, errors)}
<h1>${t('desk:glossary.title')}</h1>
${input.notice ? html`<p class="notice" role="status">${input.notice}</p>` : ''}
<p>${t('desk:glossary.intro')}</p>
<p class="meta">${t('desk:glossary.version', { version: input.version, count: input.terms.length })}</p>
${
  input.terms.length === 0
    ? html`<p>${t('desk:glossary.empty')}</p>`
    : html`<table>
<thead><tr><th scope="col">${t('desk:glossary.column.term')}</th><th scope="col">${t('desk:glossary.column.translations')}</th><th scope="col">${t('desk:glossary.column.changed')}</th><th scope="col"><span class="visually-hidden">${t('desk:glossary.column.actions')}</span></th></tr></thead>
<tbody>${input.terms.map((term) => termRow(input, term, names))}</tbody>
</table>`
}
<h2 id="term-form">${t('desk:glossary.formTitle')}</h2>
<form method="post" action="/desk/glossary" novalidate aria-labelledby="term-form">
${csrfField(input.csrfToken)}
<div class="field${errors.some((e) => e.field === 'source') ? ' has-error' : ''}">
<label for="source">${t('desk:glossary.sourceLabel')}</label>
<p class="hint" id="source-hint">${t('desk:glossary.sourceHint')}</p>
${fieldError(errors, 'source')}
<input id="source" name="source" type="text" value="${form.source}" maxlength="200" autocomplete="off"${invalid('source')}>
</div>
<div class="field">
<label for="from">${t('desk:glossary.fromLabel')}</label>
<select id="from" name="from">
<option value="">${t('desk:glossary.fromAny')}</option>
${LANGUAGES.filter((l) => served(l.code) || form.from === l.code).map((l) => html`<option value="${l.code}"${form.from === l.code ? ' selected' : ''}>${languageName(l.code, input.language)}</option>`)}
</select>
</div>
<fieldset class="field">
<legend>${t('desk:glossary.translationsLegend')}</legend>
<p class="hint">${t('desk:glossary.translationsHint')}</p>
${LANGUAGES.filter((l) => served(l.code)).map(
  (
    l,
  ) => html`<div class="field${errors.some((e) => e.field === `translation-${l.code}`) ? ' has-error' : ''}">
<label for="translation-${l.code}">${languageName(l.code, input.language)}</label>
${fieldError(errors, `translation-${l.code}`)}
<input id="translation-${l.code}" name="translation-${l.code}" type="text" lang="${l.code}" value="${form.translations[l.code] ?? ''}" maxlength="200" autocomplete="off"${invalid(`translation-${l.code}`)}>
</div>`,
)}
${LANGUAGES.filter((l) => !served(l.code) && form.translations[l.code]).map(
  (l) =>
    html`<input type="hidden" name="translation-${l.code}" value="${form.translations[l.code] ?? ''}">`,
)}
</fieldset>
<div class="field">
<input id="caseSensitive" name="caseSensitive" type="checkbox" value="true"${form.caseSensitive ? ' checked' : ''}>
<label for="caseSensitive" class="inline">${t('desk:glossary.caseSensitiveLabel')}</label>
</div>
<button type="submit">${t('desk:glossary.save')}</button>
</form>
${glossaryHistory(t, input.language, input.history, input.historyBefore)}`;
}
