import type { LanguageCode } from '@tidings/core';
import type { GlossaryHistoryPage } from '@tidings/store';
import { html } from 'hono/html';
import type { DeskEnv } from './desk-env.ts';
import { utcTime } from './utc-time.ts';

/**
 * The glossary's history on its page: every change, newest first, with its version, when,
 * who (the key's name; the GLOSSARY file for the seed) and what (the term set, with its
 * translations, or removed), a page at a time (`?before=` the next version).
 *
 * @example
 * html`${glossaryHistory(t, 'en', await store.glossaryHistory({ limit: 20 }), undefined)}`;
 */
export function glossaryHistory(
  t: DeskEnv['Variables']['t'],
  language: LanguageCode,
  page: GlossaryHistoryPage,
  before: number | undefined,
) {
  return html`<section aria-labelledby="history">
<h2 id="history">${t('desk:glossary.history.title')}</h2>
<p>${t('desk:glossary.history.intro')}</p>
${
  page.changes.length === 0
    ? html`<p>${t('desk:glossary.history.none')}</p>`
    : html`<table>
<thead><tr><th scope="col">${t('desk:glossary.history.version')}</th><th scope="col">${t('desk:glossary.history.what')}</th><th scope="col">${t('desk:glossary.history.who')}</th><th scope="col">${t('desk:glossary.history.when')}</th></tr></thead>
<tbody>${page.changes.map(
        (change) => html`<tr>
<td data-label="${t('desk:glossary.history.version')}">${change.version}</td>
<td data-label="${t('desk:glossary.history.what')}">${t(change.change === 'set' ? 'desk:glossary.history.set' : 'desk:glossary.history.removed', { term: change.source })}${
          change.term?.translations
            ? html`<ul class="langs">${Object.entries(change.term.translations).map(
                ([code, text]) =>
                  html`<li><abbr title="${code}">${code.toUpperCase()}</abbr> <span lang="${code}">${text}</span></li>`,
              )}</ul>`
            : ''
        }</td>
<td data-label="${t('desk:glossary.history.who')}">${change.author ? change.author.name : t('desk:glossary.file')}</td>
<td data-label="${t('desk:glossary.history.when')}"><time datetime="${change.changedAt.toISOString()}">${utcTime(language, change.changedAt)}</time></td>
</tr>`,
      )}</tbody>
</table>`
}
<nav class="pager" aria-label="${t('desk:glossary.history.title')}">
${before === undefined ? '' : html`<a href="/desk/glossary#history">${t('desk:glossary.history.newest')}</a>`}
${page.next === null ? '' : html`<a href="/desk/glossary?before=${page.next}#history" rel="next">${t('desk:glossary.history.older')}</a>`}
</nav>
</section>`;
}
