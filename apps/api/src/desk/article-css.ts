/**
 * The article page's rules, appended to the desk's one style sheet (the CSP forbids inline
 * styles): language cards in a grid, the side-by-side table (stacked on a phone by the desk's
 * own table rules), origin badges told apart by text and border as well as colour, and the
 * source's changes with removed and added words marked.
 *
 * @example
 * const css = `${DESK_CSS}${ARTICLE_CSS}`;
 */
export const ARTICLE_CSS = `
.desk-article .inline { display: inline-block; margin: 0; }
.desk-actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .75rem 0; }
.button.secondary { background: var(--panel); color: var(--ink); border-color: var(--rule); }
.button.warning { background: var(--error); color: #fff; }
.desk-chooser fieldset { border: 1px solid var(--rule); padding: .5rem .9rem .9rem; margin: 0 0 1rem;
  display: flex; flex-wrap: wrap; gap: .4rem 1.25rem; align-items: center; }
.desk-chooser legend { padding: 0 .25rem; }
.desk-check { display: inline-flex; gap: .35rem; align-items: center; font-weight: 400; margin: 0; }
.desk-check input { width: 1.2rem; height: 1.2rem; }
.desk-panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; margin: 0 0 1.5rem; }
.desk-panel { border: 1px solid var(--rule); border-top: 5px solid var(--muted); background: var(--panel); padding: .25rem 1rem .5rem; }
.desk-status-needs_review, .desk-status-stale { border-top-color: var(--warn); }
.desk-status-failed { border-top-color: var(--error); }
.desk-status-published, .desk-status-edited { border-top-color: var(--ok); }
.desk-panel h2 { margin: .5rem 0; }
.desk-panel h3 { font-size: 1rem; margin: 1rem 0 .35rem; }
.desk-code { color: var(--muted); font-weight: 400; }
.desk-facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .75rem; margin: 0; }
.desk-facts dt { font-weight: 600; color: var(--muted); }
.desk-facts dd { margin: 0; }
.desk-reasons ul, .desk-source-change ul, .desk-origin-counts, .desk-segments { margin: 0; padding-left: 1.1rem; }
.desk-origin-counts, .desk-segments { list-style: none; padding: 0; }
.desk-segments { margin-top: .4rem; font-size: .85rem; color: var(--muted); }
.desk-origin { display: inline-block; font-size: .78rem; font-weight: 700; padding: 0 .35rem; border-radius: .25rem;
  border: 1px solid currentColor; margin-right: .25rem; }
.desk-origin-human, .desk-origin-humanMemory { color: var(--ok); border-style: solid; }
.desk-origin-machineMemory { color: var(--accent); border-style: dashed; }
.desk-origin-model { color: var(--muted); border-style: dotted; }
.desk-source-change li { margin: 0 0 .6rem; }
.desk-source-change p { margin: .1rem 0; }
.desk-change-where { font-weight: 600; }
.desk-change-label { font-weight: 600; color: var(--muted); }
.desk-source-change del { background: color-mix(in srgb, var(--error) 18%, transparent); text-decoration: line-through; }
.desk-source-change ins { background: color-mix(in srgb, var(--ok) 22%, transparent); text-decoration: underline; }
.desk-compare-wrap { overflow-x: auto; }
.desk-compare th[scope="row"] { white-space: nowrap; }
.desk-compare td { min-width: 14rem; }
.desk-compare td p { margin: 0 0 .4rem; }
.desk-editing textarea, .desk-editing input { max-width: none; width: 100%; font-family: ui-monospace, monospace; font-size: .9rem; }
.desk-edit-form { border-left: 5px solid var(--accent); padding-left: 1rem; margin: 1rem 0; }
.desk-rich-bar { display: flex; flex-wrap: wrap; gap: .25rem; margin: 0 0 .25rem; }
.desk-rich-bar button { font-size: .8rem; padding: .1rem .5rem; }
.desk-rich-text { border: 2px solid var(--ink); padding: .4rem .5rem; min-height: 3rem; background: var(--paper); }
.desk-rich-text code { font-family: ui-monospace, monospace; }
@media (max-width: 40rem) {
  .desk-compare td { min-width: 0; }
  .desk-compare th[scope="row"] { padding-top: .75rem; color: var(--ink); }
}
`;
