import type { LanguageCode } from '@tidings/core';
import type { Translation } from '@tidings/store';
import { html } from 'hono/html';
import { compareTable } from './article-compare-table.ts';
import type { ArticleDeskView } from './article-desk-view.ts';
import type { TypedCorrection } from './article-edit-input.ts';
import { languagePanel } from './article-language-panel.ts';
import { type ArticleRenderContext, languageName, shownField } from './article-render-context.ts';
import { versionFingerprint } from './version-fingerprint.ts';

/** A message for the editor at the top of the page: what was done, or what went wrong. */
export interface ArticleNotice {
  readonly kind: 'done' | 'error';
  /** Already localized. */
  readonly title: string;
  /** More, e.g. the store's own words; may be absent. */
  readonly detail?: string | undefined;
}

function editForm(
  ctx: ArticleRenderContext,
  v: Translation,
  chosen: string,
  typed: TypedCorrection | undefined,
) {
  const { t } = ctx;
  const text = v.status === 'needs_review' ? v.draft : v.content;
  if (!text) return '';
  const tool = (name: string) => t(`desk:article.edit.tool.${name}`);
  return html`<form id="edit-form-${v.language}" class="desk-edit-form" method="post" action="${ctx.path}/${v.language}/edit" data-toolbar="${tool('toolbar')}" data-em="${tool('em')}" data-strong="${tool('strong')}" data-code="${tool('code')}" data-link="${tool('link')}" data-br="${tool('br')}" data-link-prompt="${tool('linkPrompt')}">
<input type="hidden" name="_csrf" value="${ctx.csrfToken}">
<input type="hidden" name="seen" value="${versionFingerprint(v)}">
<input type="hidden" name="categories" value="${typed?.categories ?? JSON.stringify(text.categories)}">
${shownField(ctx)}
<p class="hint" id="edit-hint-${v.language}">${t('desk:article.edit.hint')}</p>
<div class="desk-actions">
<button type="submit">${v.status === 'needs_review' ? t('desk:article.edit.publish') : t('desk:article.edit.save')}</button>
<a class="button secondary" href="${ctx.path}?${chosen}">${t('desk:article.edit.cancel')}</a>
</div>
</form>
<script src="/desk/assets/article-editor.js" defer></script>`;
}

function chooser(ctx: ArticleRenderContext, view: ArticleDeskView) {
  const { t } = ctx;
  const shown = new Set(view.shown.map((v) => v.language));
  const status = new Map(view.article.languages.map((s) => [s.language, s.status]));
  return html`<form method="get" action="${ctx.path}" class="desk-chooser">
<fieldset><legend>${t('desk:article.choose.legend')}</legend>
${view.choices.map(
  (l) =>
    html`<label class="desk-check"><input type="checkbox" name="lang" value="${l}" ${shown.has(l) ? 'checked' : ''}> ${languageName(l, ctx.language)} <span class="meta">(${t(`desk:state.${status.get(l) ?? 'queued'}`)})</span></label>`,
)}
<button type="submit" class="secondary">${t('desk:article.choose.submit')}</button>
</fieldset></form>`;
}

function articleActions(ctx: ArticleRenderContext, view: ArticleDeskView) {
  const { t, key } = ctx;
  if (view.article.retractedAt) return '';
  const retry =
    key.role !== 'admin' && key.role !== 'publisher' && key.role !== 'editor'
      ? ''
      : html`<form method="post" action="${ctx.path}/retry" class="inline">
<input type="hidden" name="_csrf" value="${ctx.csrfToken}">
${shownField(ctx)}
<button type="submit" class="secondary">${t('desk:article.action.retryAll')}</button></form>`;
  const retract =
    key.role === 'admin' || key.role === 'publisher'
      ? html`<a class="button warning" href="${ctx.path}/retract">${t('desk:article.action.retract')}</a>`
      : '';
  return html`<div class="desk-actions">${retry}${retract}</div>`;
}

/**
 * The article page's content: the source and the chosen languages side by side, each with its
 * card (state, reasons, origins, source changes, actions), the editor's correction form when one
 * language is being edited, and the article's own actions (retry all, retract).
 *
 * @example
 * deskLayout({ ..., content: articlePage(ctx, view, { editing: 'de' }) });
 */
export function articlePage(
  context: ArticleRenderContext,
  view: ArticleDeskView,
  options: {
    readonly editing?: LanguageCode | undefined;
    /** What the editor typed into a refused correction, shown again in its fields. */
    readonly typed?: TypedCorrection | undefined;
    readonly notice?: ArticleNotice | undefined;
  } = {},
) {
  const { article, shown } = view;
  // Every action form posts these back, so the page returns with the same languages.
  const ctx = { ...context, shown: shown.map((v) => v.language) };
  const { t } = ctx;
  const chosen = shown.map((v) => `lang=${v.language}`).join('&');
  const editing = shown.find((v) => v.language === options.editing);
  const notice = options.notice;
  return html`<div class="desk-article">
<p><a href="/desk/">${t('desk:article.back')}</a></p>
${
  notice
    ? html`<div class="${notice.kind === 'error' ? 'error-summary' : 'notice'}" role="${notice.kind === 'error' ? 'alert' : 'status'}" tabindex="-1">
<h2>${notice.title}</h2>${notice.detail ? html`<p>${notice.detail}</p>` : ''}</div>`
    : ''
}
<h1 lang="${article.sourceLanguage}">${article.content.title}</h1>
<p class="meta">${t('desk:article.meta', { language: languageName(article.sourceLanguage, ctx.language), revision: article.revision, id: article.id })}</p>
${article.retractedAt ? html`<p class="error-summary">${t('desk:article.retracted')}</p>` : ''}
${articleActions(ctx, view)}
${chooser(ctx, view)}
<div class="desk-panels">${shown.map((v) => languagePanel(ctx, v, chosen))}</div>
${compareTable(ctx, article, shown, editing?.language, options.typed)}
${editing ? editForm(ctx, editing, chosen, options.typed) : ''}
</div>`;
}

/**
 * The page that asks an editor to confirm retracting an article, before anything happens.
 *
 * @example
 * deskLayout({ ..., content: retractConfirmPage(ctx, article.content.title) });
 */
export function retractConfirmPage(ctx: ArticleRenderContext, title: string) {
  const { t } = ctx;
  return html`<div class="desk-article">
<h1>${t('desk:article.retract.heading')}</h1>
<p>${t('desk:article.retract.text', { title })}</p>
<form method="post" action="${ctx.path}/retract" class="desk-actions">
<input type="hidden" name="_csrf" value="${ctx.csrfToken}">
<button type="submit" class="warning">${t('desk:article.retract.confirm')}</button>
<a class="button secondary" href="${ctx.path}">${t('desk:article.retract.cancel')}</a>
</form></div>`;
}
