import { readFileSync } from 'node:fs';

/** The seed articles under test/fixtures/articles, by a short name. */
export const SEEDS = {
  chasPravdy: 'chas-pravdy-jef.txt',
  jefExtendedPartner: 'jef-extended-partner.txt',
} as const;

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A seed article as a publisher would post it: the first line (after the language menu, if
 * any) is the title; every other non-empty line is a paragraph of the body.
 *
 * @example
 * const { title, body } = seedArticle('jefExtendedPartner');
 */
export function seedArticle(name: keyof typeof SEEDS): { title: string; body: string } {
  const text = readFileSync(
    new URL(`../../../fixtures/articles/${SEEDS[name]}`, import.meta.url),
    'utf8',
  );
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const menu = lines.filter((l) => /^•\s*\S{2}$/.test(l));
  const rest = lines.filter((l) => !menu.includes(l));
  const [title = '', ...paragraphs] = rest;
  const menuParagraph = menu.length
    ? [`<p>${menu.map((l) => escapeHtml(l.slice(1).trim())).join(' ')}</p>`]
    : [];
  return {
    title,
    body: [...menuParagraph, ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`)].join('\n'),
  };
}
