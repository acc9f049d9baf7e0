import type { SiteSettings } from '@tidings/core';
import { escapeHtml } from '@tidings/feed';
import { accentColours } from './accent-colours.ts';

/**
 * The site's icon as SVG: the first letter of the newsroom's name on its accent colour, so a
 * newsroom without an icon of its own still gets one that is recognisably its own.
 *
 * @example
 * app.get('/favicon.svg', (c) => c.body(siteFavicon(site), 200, { 'content-type': 'image/svg+xml' }));
 */
export function siteFavicon(site: SiteSettings): string {
  const colours = accentColours(site.accentColor);
  const letter = [...site.name.en.trim()][0]?.toLocaleUpperCase('en') ?? 'T';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${colours.accent}"/><text x="32" y="45" font-family="system-ui, sans-serif" font-size="38" font-weight="700" text-anchor="middle" fill="${colours.ink}">${escapeHtml(letter)}</text></svg>\n`;
}
