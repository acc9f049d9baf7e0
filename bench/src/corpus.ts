import { readFileSync } from 'node:fs';
import { splitSentences } from '@tidings/translator';

const ARTICLES = new URL('../../test/fixtures/articles/', import.meta.url);

/** The seed articles under test/fixtures/articles. */
export const SEED_FILES = ['chas-pravdy-jef.txt', 'jef-extended-partner.txt'] as const;

/**
 * A seed article as a publisher would post it (the rule of test/e2e's `seedArticle`): the
 * language menu becomes one paragraph, the first other line is the title, every other
 * non-empty line a paragraph.
 *
 * @example
 * const { title, paragraphs } = seedArticle('jef-extended-partner.txt');
 */
export function seedArticle(file: (typeof SEED_FILES)[number]): {
  title: string;
  paragraphs: string[];
} {
  const lines = readFileSync(new URL(file, ARTICLES), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const menu = lines.filter((l) => /^•\s*\S{2}$/.test(l));
  const [title = '', ...paragraphs] = lines.filter((l) => !menu.includes(l));
  const menuLine = menu.map((l) => l.slice(1).trim()).join(' ');
  return { title, paragraphs: menuLine ? [menuLine, ...paragraphs] : paragraphs };
}

/**
 * A seed article as HTML: its title, and each paragraph escaped in a `<p>`.
 *
 * @example
 * const { title, body } = seedHtml('jef-extended-partner.txt');
 */
export function seedHtml(file: (typeof SEED_FILES)[number]): { title: string; body: string } {
  const { title, paragraphs } = seedArticle(file);
  return { title, body: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') };
}

/** Every sentence of both seed articles, in order, as the translator's splitter cuts them. */
export function seedSentences(): string[] {
  return SEED_FILES.flatMap((file) => articleSentences(file));
}

/**
 * A deterministic corpus of `count` news-length sentences: the seed sentences first, then
 * recombinations (the first half of one seed sentence joined to the second half of another),
 * kept between 40 and 300 characters.
 *
 * @example
 * const sentences = newsCorpus(300);
 */
export function newsCorpus(count: number): string[] {
  const seeds = seedSentences().filter((s) => s.length >= 40 && s.length <= 300);
  const out = [...seeds];
  // Every ordered pair of distinct seed sentences, in a scrambled order: over 1,500 distinct.
  const n = seeds.length;
  for (let i = 0; out.length < count && i < n * n * 2; i++) {
    const k = (i * 7919) % (n * n);
    const a = (seeds[Math.floor(k / n)] ?? '').split(' ');
    const b = (seeds[k % n] ?? '').split(' ');
    if (Math.floor(k / n) === k % n) continue;
    const cut = i % 2 ? Math.ceil(a.length / 2) : Math.floor(a.length / 3);
    const joined = [...a.slice(0, cut), ...b.slice(Math.floor(b.length / 2))]
      .join(' ')
      .slice(0, 300);
    if (joined.length >= 40) out.push(joined);
  }
  return out.slice(0, count);
}

/**
 * An article of about `words` words, HTML paragraphs of recombined corpus sentences.
 *
 * @example
 * const { title, body } = articleOfWords(1000);
 */
export function articleOfWords(words: number, salt = 0): { title: string; body: string } {
  const sentences = newsCorpus(1200);
  const paragraphs: string[] = [];
  let count = 0;
  for (let i = salt; count < words; i += 3) {
    const paragraph = [0, 1, 2].map((k) => sentences[(i + k) % sentences.length] ?? '').join(' ');
    count += paragraph.split(/\s+/).length;
    paragraphs.push(`<p>${escapeHtml(paragraph)}</p>`);
  }
  return { title: sentences[salt % sentences.length] ?? 'Title', body: paragraphs.join('\n') };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The sentences of one seed article (title and paragraphs), as the translator's splitter cuts them.
 *
 * @example
 * const sentences = articleSentences('chas-pravdy-jef.txt');
 */
export function articleSentences(file: (typeof SEED_FILES)[number]): string[] {
  const { title, paragraphs } = seedArticle(file);
  return [title, ...paragraphs]
    .flatMap((p) => splitSentences(p, 'en', 1000).map((r) => p.slice(r.start, r.end).trim()))
    .filter((s) => s.length > 0);
}
