import { paragraphs } from './html-text.ts';
import { seedArticle } from './seed-article.ts';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const SOURCES = [
  { language: 'en', seed: seedArticle('jefExtendedPartner'), categories: ['Defence'] },
  { language: 'uk', seed: seedArticle('chasPravdy'), categories: ['Оборона'] },
] as const;

/**
 * The `n`th article of a busy newsroom: English and Ukrainian (pivoted through English) in
 * turn, from one to four paragraphs of the seed articles, and every seventh a long one, so
 * that work is in flight whenever a process is killed. Titles are distinct.
 *
 * @example
 * await postArticle(tidings, key, newsArticle(3));
 */
export function newsArticle(n: number): {
  title: string;
  body: string;
  language: string;
  categories: string[];
} {
  const source = SOURCES[n % SOURCES.length] ?? SOURCES[0];
  const all = paragraphs(source.seed.body);
  const count = n % 7 === 6 ? all.length : 1 + (n % 4);
  const chosen = Array.from({ length: count }, (_, i) => all[(n + i) % all.length] ?? '').map(
    escapeHtml,
  );
  const repeat = n % 7 === 6 ? 4 : 1;
  return {
    title: `${source.seed.title} (${n})`,
    body: Array.from({ length: repeat }, () => chosen.map((p) => `<p>${p}</p>`).join('\n')).join(
      '\n',
    ),
    language: source.language,
    categories: [...source.categories],
  };
}
