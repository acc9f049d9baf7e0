/**
 * The desk's one stylesheet, served from `/desk/assets/desk.css` (the CSP forbids inline
 * styles): system fonts, light and dark, a visible focus ring on everything focusable, tables
 * that become stacked cards on a phone, GOV.UK-style error summaries and field errors.
 *
 * @example
 * desk.get('/assets/desk.css', (c) => c.body(DESK_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }));
 */
export const DESK_CSS = `:root {
  color-scheme: light dark;
  --ink: #1b1f24; --muted: #505a66; --paper: #fdfcf9; --panel: #f3f1ec; --rule: #d9d5cc;
  --accent: #0b5cad; --focus: #ffbf47; --error: #b3261e; --ok: #1e6b34; --warn: #7a4b00;
}
@media (prefers-color-scheme: dark) {
  :root { --ink: #e8e6e1; --muted: #b0b8c2; --paper: #15181c; --panel: #1f2328; --rule: #3a4047;
    --accent: #8cc2ff; --error: #ff9b93; --ok: #8fd6a1; --warn: #f3c56b; }
}
* { box-sizing: border-box; }
html { background: var(--paper); color: var(--ink); }
body { margin: 0; font: 17px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible,
summary:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 0; box-shadow: 0 0 0 5px var(--ink);
}
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); border: 0; white-space: nowrap; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--paper); padding: .5rem; z-index: 1; }
header.desk { border-top: 4px solid var(--accent); border-bottom: 1px solid var(--rule); background: var(--panel); }
header.desk .bar, main { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
header.desk .bar { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.25rem; min-height: 3.5rem; }
.brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; color: var(--ink); }
nav.sections ul { display: flex; gap: .75rem; list-style: none; margin: 0; padding: 0; }
nav.sections a { font-weight: 600; text-decoration: none; padding: .25rem 0; }
nav.sections a[aria-current="page"] { border-bottom: 3px solid var(--accent); color: var(--ink); }
.account { display: flex; gap: .5rem; align-items: center; margin-left: auto; color: var(--muted); font-size: .95rem; }
.languages fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: .15rem; }
.languages button { font: inherit; font-weight: 600; font-size: .9rem; padding: .1rem .45rem; border: 1px solid var(--rule);
  background: var(--paper); color: var(--ink); border-radius: .3rem; cursor: pointer; }
.languages button[aria-current="true"] { background: var(--ink); color: var(--paper); }
main { padding-top: 1.25rem; padding-bottom: 2.5rem; }
main:focus { outline: none; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: .5rem 0 1rem; }
h2 { font-size: 1.3rem; margin: 1.5rem 0 .75rem; }
button, .button { font: inherit; font-weight: 600; padding: .45rem 1rem; border: 2px solid transparent; border-radius: .3rem;
  background: var(--ok); color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
@media (prefers-color-scheme: dark) { button, .button { color: #0d1a12; } }
button.link { background: none; color: var(--accent); padding: 0; border: 0; text-decoration: underline; font-weight: 400; }
button.secondary { background: var(--panel); color: var(--ink); border-color: var(--rule); }
button.warning { background: var(--error); color: #fff; }
.field { margin: 0 0 1.25rem; }
.field.has-error { border-left: 5px solid var(--error); padding-left: .9rem; }
label, legend { display: block; font-weight: 600; margin-bottom: .25rem; }
.hint { color: var(--muted); margin: 0 0 .35rem; }
.field-error { color: var(--error); font-weight: 700; margin: 0 0 .35rem; }
input[type="text"], input[type="search"], input[type="password"], select, textarea {
  font: inherit; padding: .4rem .5rem; border: 2px solid var(--ink); border-radius: 0; background: var(--paper);
  color: var(--ink); width: 100%; max-width: 30rem; }
input[aria-invalid="true"] { border-color: var(--error); }
.error-summary { border: 5px solid var(--error); padding: 1rem 1.25rem; margin: 0 0 1.5rem; }
.error-summary h2 { margin-top: 0; }
.error-summary a { color: var(--error); font-weight: 700; }
.notice { border-left: 5px solid var(--accent); background: var(--panel); padding: .75rem 1rem; margin: 0 0 1.25rem; }
.filters { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: flex-end; margin: 0 0 1rem; }
.filters .field { margin: 0; }
.states { display: flex; flex-wrap: wrap; gap: .4rem; list-style: none; padding: 0; margin: 0 0 1.25rem; }
.states a { display: inline-flex; gap: .4rem; align-items: baseline; padding: .3rem .7rem; border: 1px solid var(--rule);
  border-radius: 1rem; text-decoration: none; color: var(--ink); background: var(--paper); }
.states a[aria-current="true"] { background: var(--ink); color: var(--paper); border-color: var(--ink); }
.states .count { font-weight: 700; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .55rem .5rem; border-bottom: 1px solid var(--rule); }
th { font-size: .9rem; color: var(--muted); }
tbody th { font-size: 1rem; color: var(--ink); }
.langs li + li { margin-left: .5rem; }
.langs { display: flex; flex-wrap: wrap; gap: .25rem; list-style: none; margin: 0; padding: 0; }
.state { display: inline-block; font-size: .8rem; font-weight: 700; padding: .05rem .4rem; border-radius: .25rem;
  border: 1px solid currentColor; white-space: nowrap; }
.state-needs_review, .state-stale { color: var(--warn); }
.state-failed { color: var(--error); }
.state-published, .state-edited { color: var(--ok); }
.state-queued, .state-translating { color: var(--muted); }
.pager { display: flex; gap: 1.5rem; margin: 1.25rem 0; }
.meta { color: var(--muted); font-size: .9rem; }
.inline { display: inline; }
@media (max-width: 40rem) {
  body { font-size: 16px; }
  .account { margin-left: 0; }
  table, thead, tbody, tr, th, td { display: block; }
  thead { position: absolute; left: -9999px; }
  tr { border-bottom: 1px solid var(--rule); padding: .5rem 0; }
  td { border: 0; padding: .2rem 0; }
  td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; color: var(--muted); }
}
`;
