import type { SiteSettings } from '@tidings/core';
import { accentColours } from './accent-colours.ts';

/**
 * The site's one stylesheet, served from `/assets/site.css` so that the CSP can forbid
 * inline styles as well as scripts. System fonts, a readable measure, light and dark, in the
 * newsroom's accent colour (made legible where the configured one would not be).
 *
 * @example
 * app.get('/assets/site.css', (c) => c.body(siteCss(site), 200, { 'content-type': 'text/css; charset=utf-8' }));
 */
export function siteCss(site: SiteSettings): string {
  const colours = accentColours(site.accentColor);
  return `:root {
  color-scheme: light dark;
  --ink: #1b1f24; --muted: #5a6470; --paper: #fdfcf9; --rule: #e3e0d8; --accent: ${colours.onLight};
  --brand: ${colours.accent}; --notice: #fff4d6; --notice-ink: #5a4300;
}
@media (prefers-color-scheme: dark) {
  :root { --ink: #e8e6e1; --muted: #a3abb5; --paper: #15181c; --rule: #2c3137; --accent: ${colours.onDark};
    --notice: #3a3120; --notice-ink: #f3dfa6; }
}${SITE_CSS_RULES}`;
}

const SITE_CSS_RULES = `
* { box-sizing: border-box; }
html { background: var(--paper); color: var(--ink); }
body { margin: 0; font: 18px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
a { color: var(--accent); }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--paper); padding: .5rem; }
header.site { border-top: 4px solid var(--brand); border-bottom: 1px solid var(--rule); }
header.site .bar, main, footer.site { max-width: 44rem; margin: 0 auto; padding: 0 1.25rem; }
header.site .bar { display: flex; align-items: center; justify-content: space-between; gap: 1rem; min-height: 3.5rem; flex-wrap: wrap; }
.brand { display: inline-flex; align-items: center; gap: .6rem; font-weight: 700; font-size: 1.25rem; text-decoration: none; color: var(--ink); letter-spacing: .02em; }
.brand img { height: 2rem; width: auto; }
nav.languages ul { display: flex; gap: .25rem; list-style: none; margin: 0; padding: 0; }
nav.languages a { display: inline-block; padding: .15rem .5rem; border-radius: .35rem; text-decoration: none; font-weight: 600; font-size: .95rem; }
nav.languages a[aria-current="page"] { background: var(--ink); color: var(--paper); }
main { padding-top: 1.5rem; padding-bottom: 2rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: .5rem 0 1rem; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 0 0 .25rem; }
.meta { color: var(--muted); font-size: .9rem; }
.summary { font-size: 1.1rem; color: var(--muted); }
.notice { background: var(--notice); color: var(--notice-ink); padding: .75rem 1rem; border-radius: .4rem; border-left: 4px solid var(--notice-ink); }
.notice p { margin: 0; }
.notice p + p { margin-top: .4rem; }
.notice a { color: inherit; font-weight: 600; }
.notice-edited, .notice-reviewed { background: transparent; color: var(--muted); border-left-color: var(--rule); }
.notice-edited a, .notice-reviewed a { color: var(--accent); }
footer.site .imprint { flex-basis: 100%; margin: 0; }
ol.articles { list-style: none; padding: 0; margin: 0; }
ol.articles li { padding: 1.1rem 0; border-bottom: 1px solid var(--rule); }
ol.articles h2 a { color: var(--ink); text-decoration: none; }
ol.articles h2 a:hover { text-decoration: underline; }
figure { margin: 1.25rem 0; }
img { max-width: 100%; height: auto; }
blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--rule); color: var(--muted); }
.tags { display: flex; flex-wrap: wrap; gap: .4rem; list-style: none; padding: 0; }
.tags li { border: 1px solid var(--rule); border-radius: 1rem; padding: 0 .6rem; font-size: .85rem; }
.pager { margin: 1.5rem 0; }
footer.site { border-top: 1px solid var(--rule); padding-top: 1rem; padding-bottom: 2rem; color: var(--muted); font-size: .9rem;
  display: flex; gap: 1rem; align-items: baseline; flex-wrap: wrap; }
footer.site ul { list-style: none; display: flex; gap: 1rem; padding: 0; margin: 0; flex-wrap: wrap; }
`;
