import { LANGUAGES, type LanguageCode, languageName } from '@tidings/core';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { CSRF_FIELD } from './desk-csrf.ts';
import type { DeskEnv, DeskSession } from './desk-env.ts';

/** A desk section the navigation can mark as the current one. */
export type DeskSection = 'queue' | 'glossary' | 'article' | 'sign-in';

/** What every desk page has around its content. */
export interface DeskLayoutInput {
  readonly t: DeskEnv['Variables']['t'];
  readonly language: LanguageCode;
  /** The page's own title; "Tidings desk" is added after it. */
  readonly title: string;
  /** Absent on the sign-in page: no navigation, no sign-out. */
  readonly session: DeskSession | undefined;
  readonly csrfToken: string;
  /** The path and query of this page, where the language switch comes back to. */
  readonly path: string;
  /** The navigation entry to mark `aria-current`. */
  readonly current?: DeskSection | undefined;
  readonly content: HtmlEscapedString | Promise<HtmlEscapedString>;
}

/**
 * The hidden CSRF field every state-changing desk form must carry.
 *
 * @example
 * html`<form method="post" action="/desk/x">${csrfField(c.var.csrfToken)}…</form>`;
 */
export function csrfField(token: string) {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;
}

/**
 * The HTML document around a desk page: `<html lang>`, a skip link, the navigation (Queue,
 * Glossary; the article pages mark none), who is signed in and a sign-out button, and the
 * interface language switch, each language named in itself. Works without JavaScript; the
 * one script (`/desk/assets/desk.js`) only enhances. Everything interpolated is escaped.
 *
 * @example
 * c.html(deskLayout({ t, language, title: t('desk:queue.title'), session, csrfToken, path, current: 'queue', content }));
 */
export function deskLayout(input: DeskLayoutInput) {
  const { t, language, session } = input;
  const current = (section: DeskSection) =>
    input.current === section ? html` aria-current="page"` : '';
  return html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="same-origin">
<title>${input.title} — ${t('desk:name')}</title>
<link rel="stylesheet" href="/desk/assets/desk.css">
<script src="/desk/assets/desk.js" defer></script>
</head>
<body>
<a class="skip" href="#content">${t('desk:page.skip')}</a>
<header class="desk"><div class="bar">
<a class="brand" href="/desk/">${t('desk:name')}</a>
${
  session
    ? html`<nav class="sections" aria-label="${t('desk:nav.label')}"><ul>
<li><a href="/desk/"${current('queue')}>${t('desk:nav.queue')}</a></li>
${session.key.role === 'publisher' ? '' : html`<li><a href="/desk/glossary"${current('glossary')}>${t('desk:nav.glossary')}</a></li>`}
</ul></nav>
<form class="account" method="post" action="/desk/sign-out">${csrfField(input.csrfToken)}
<span>${t('desk:nav.signedInAs', { name: session.key.name, role: t(`desk:role.${session.key.role}`) })}</span>
<button type="submit" class="link">${t('desk:nav.signOut')}</button>
</form>`
    : ''
}
<form class="languages" method="post" action="/desk/language">${csrfField(input.csrfToken)}
<input type="hidden" name="next" value="${input.path}">
<fieldset><legend class="visually-hidden">${t('desk:nav.language')}</legend>
${LANGUAGES.map(
  (l) =>
    html`<button type="submit" name="language" value="${l.code}" lang="${l.code}" title="${languageName(l.code, l.code, { standalone: true })}"${l.code === language ? html` aria-current="true"` : ''}>${l.menuLabel}</button>`,
)}
</fieldset>
</form>
</div></header>
<main id="content" tabindex="-1">
${input.content}
</main>
</body>
</html>`;
}
