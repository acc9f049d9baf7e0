import type { LanguageCode } from '@tidings/core';
import { failureReasonText, reviewReasonText } from '@tidings/i18n';
import type { ApiKey, Translation } from '@tidings/store';
import { html } from 'hono/html';
import { type ArticleRenderContext, languageName, shownField } from './article-render-context.ts';
import { utcTime } from './utc-time.ts';
import { versionFingerprint } from './version-fingerprint.ts';
import { wordDiff } from './word-diff.ts';

const may = (key: ApiKey, roles: readonly string[]) =>
  key.role === 'admin' || roles.includes(key.role);

/**
 * A small form that posts one action on a language with the CSRF token and what the editor saw.
 *
 * @example
 * actionForm(ctx, de, 'approve', ctx.t('desk:article.action.approve'));
 */
export function actionForm(
  ctx: ArticleRenderContext,
  translation: Translation,
  action: string,
  label: string,
  primary = false,
) {
  return html`<form method="post" action="${ctx.path}/${translation.language}/${action}" class="inline">
<input type="hidden" name="_csrf" value="${ctx.csrfToken}">
<input type="hidden" name="seen" value="${versionFingerprint(translation)}">
${shownField(ctx)}
<button type="submit" class="${primary ? '' : 'secondary'}">${label}</button>
</form>`;
}

const secondsFormats = new Map<LanguageCode, Intl.NumberFormat>();
function secondsFormat(language: LanguageCode): Intl.NumberFormat {
  let format = secondsFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, {
      style: 'unit',
      unit: 'second',
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    });
    secondsFormats.set(language, format);
  }
  return format;
}

function timings(ctx: ArticleRenderContext, v: Translation) {
  const { t } = ctx;
  const seconds = (from: Date | null, to: Date | null) =>
    from && to
      ? secondsFormat(ctx.language).format(Math.max(0, to.getTime() - from.getTime()) / 1000)
      : null;
  const rows: [string, Date | null, string | null][] = [
    ['queued', v.queuedAt, null],
    ['started', v.startedAt, seconds(v.queuedAt, v.startedAt)],
    // An editor's version finishes when the editor saves it and has no model start (the store
    // keeps none for it, as the API says): there is no translation time to show.
    ['finished', v.finishedAt, v.editedBy ? null : seconds(v.startedAt, v.finishedAt)],
    ['published', v.publishedAt, null],
    ['updated', v.updatedAt, null],
  ];
  return rows
    .filter(([, at]) => at !== null)
    .map(
      ([name, at, took]) => html`<dt>${t(`desk:article.timing.${name}`)}</dt>
<dd><time datetime="${at?.toISOString()}">${at ? utcTime(ctx.language, at, 'medium') : ''}</time>${took ? html` (${t(`desk:article.timing.${name}Took`, { duration: took })})` : ''}</dd>`,
    );
}

function reasons(ctx: ArticleRenderContext, v: Translation) {
  if (v.status !== 'needs_review' && v.status !== 'failed') return '';
  // Reasons kept as data are said in the editor's language (a failure always is: one kept
  // before codes is its English text in the editor's sentence); a version from a worker older
  // than the data has only the English text.
  const items = v.failure
    ? [{ text: failureReasonText(ctx.t, v.failure), lang: ctx.language }]
    : v.status === 'needs_review' && v.reasons.length > 0
      ? v.reasons.map((r) => ({ text: reviewReasonText(ctx.t, r), lang: ctx.language }))
      : (v.reason ?? '')
          .split('; ')
          .map((r) => r.trim())
          .filter(Boolean)
          .map((text) => ({ text, lang: 'en' }));
  return html`<section class="desk-reasons" aria-labelledby="reasons-${v.language}">
<h3 id="reasons-${v.language}">${ctx.t(`desk:article.reasons.${v.status}`)}</h3>
${items.length > 0 ? html`<ul>${items.map((r) => html`<li lang="${r.lang}">${r.text}</li>`)}</ul>` : html`<p>${ctx.t('desk:article.reasons.none')}</p>`}
</section>`;
}

function origins(ctx: ArticleRenderContext, v: Translation) {
  const { t } = ctx;
  const counts = v.segmentOrigins?.origins;
  if (!v.content) return '';
  if (!counts) return html`<p class="meta">${t('desk:article.origin.unknown')}</p>`;
  const kinds = [
    ['human', counts.human],
    ['humanMemory', counts.humanMemory],
    ['machineMemory', counts.machineMemory],
    ['model', counts.model],
  ] as const;
  return html`<section aria-labelledby="origins-${v.language}">
<h3 id="origins-${v.language}">${t('desk:article.origin.heading')}</h3>
<ul class="desk-origin-counts">${kinds
    .filter(([, n]) => n > 0)
    .map(
      ([kind, n]) =>
        html`<li><span class="desk-origin desk-origin-${kind}">${t(`desk:article.origin.${kind}`)}</span> ${t('desk:article.origin.sentences', { count: n })}</li>`,
    )}</ul>
</section>`;
}

function sourceChange(ctx: ArticleRenderContext, v: Translation) {
  const change = v.sourceChange;
  if (v.status !== 'stale' || !change) return '';
  const { t } = ctx;
  return html`<section class="desk-source-change" aria-labelledby="change-${v.language}">
<h3 id="change-${v.language}">${t('desk:article.change.heading', { from: change.fromRevision, to: change.toRevision })}</h3>
<ul>${change.changes.map((entry) => {
    const marked = wordDiff(entry.old, entry.new);
    const where =
      entry.field === 'body'
        ? t('desk:article.row.block', { number: (entry.block ?? 0) + 1 })
        : t(`desk:article.row.${entry.field}`);
    return html`<li><p class="desk-change-where">${where}: ${t(`desk:article.change.${entry.kind}`)}</p>
${entry.old !== null ? html`<p class="desk-change-old"><span class="desk-change-label">${t('desk:article.change.old')}</span> ${marked.old}</p>` : ''}
${entry.new !== null ? html`<p class="desk-change-new"><span class="desk-change-label">${t('desk:article.change.new')}</span> ${marked.new}</p>` : ''}</li>`;
  })}</ul>
${v.draft ? '' : html`<p>${t('desk:article.change.noDraftYet')}</p>`}
</section>`;
}

function actions(ctx: ArticleRenderContext, v: Translation, chosen: string) {
  const { t, key } = ctx;
  const editor = may(key, ['editor']);
  const forms = [];
  if (editor && v.status === 'needs_review') {
    forms.push(actionForm(ctx, v, 'approve', t('desk:article.action.approve'), true));
  }
  if (editor && v.status === 'stale' && v.draft) {
    forms.push(actionForm(ctx, v, 'take-draft', t('desk:article.action.takeDraft'), true));
  }
  if (may(key, ['publisher', 'editor']) && (v.status === 'needs_review' || v.status === 'failed')) {
    forms.push(actionForm(ctx, v, 'retry', t('desk:article.action.retry')));
  }
  const editable = v.status === 'needs_review' ? v.draft : v.content;
  if (editor && editable) {
    forms.push(
      html`<a class="button secondary" href="${ctx.path}?${chosen}&amp;edit=${v.language}#edit-${v.language}">${t('desk:article.action.edit')}</a>`,
    );
  }
  return forms.length > 0 ? html`<div class="desk-actions">${forms}</div>` : '';
}

/**
 * One language's card above the comparison: its state, model and timings, why it was held or
 * failed, where its sentences came from, how the source changed (stale), and what the signed-in
 * key may do with it (approve, take the fresh draft, retry, edit).
 *
 * @example
 * languagePanel(ctx, translation, 'lang=de&lang=es');
 */
export function languagePanel(ctx: ArticleRenderContext, v: Translation, chosen: string) {
  const { t } = ctx;
  return html`<section class="desk-panel desk-status-${v.status}" aria-labelledby="panel-${v.language}">
<h2 id="panel-${v.language}">${languageName(v.language, ctx.language)} <span class="desk-code">(${v.language})</span></h2>
<dl class="desk-facts">
<dt>${t('desk:article.state')}</dt><dd><strong class="state state-${v.status}">${t(`desk:state.${v.status}`)}</strong></dd>
<dt>${t('desk:article.model')}</dt><dd>${v.model ?? t('desk:article.noModel')}</dd>
${timings(ctx, v)}
</dl>
${reasons(ctx, v)}
${sourceChange(ctx, v)}
${origins(ctx, v)}
${actions(ctx, v, chosen)}
</section>`;
}
