import { LANGUAGE_CODES, type LanguageCode, languageOf } from '@tidings/core';
import type { ArticleView, LanguageView } from '../api/views.ts';
import { between, formatDuration } from './format-units.ts';
import { reasonText } from './reason-text.ts';

/** Where progress is written: a terminal (redrawn in place) or a pipe or file (new lines). */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
}

/**
 * The live display of an article's languages while they are translated. In a terminal, a line
 * per language redrawn in place; elsewhere, one new line each time a language changes status,
 * so logs and CI output stay readable.
 *
 * @example
 * const progress = new LanguageProgress(process.stderr);
 * progress.update(article); // on every poll
 */
export class LanguageProgress {
  readonly #stream: ProgressStream;
  readonly #tty: boolean;
  #drawn = 0;
  #frame = '';
  readonly #seen = new Map<LanguageCode, string>();

  constructor(stream: ProgressStream, tty: boolean = stream.isTTY === true) {
    this.#stream = stream;
    this.#tty = tty;
  }

  /** Shows the article's current state. */
  update(article: ArticleView): void {
    // The languages the article has: those the instance serves (LANGUAGES), in menu order.
    const all = LANGUAGE_CODES.filter((c) => article.languages[c] !== undefined);
    const codes = all.filter((c) => c !== article.sourceLanguage);
    if (this.#tty) {
      const lines = [
        `${article.content.title} (${article.sourceLanguage}, ${article.id})`,
        ...all.map((code) => languageLine(article, code)),
      ];
      const frame = lines.join('\n');
      if (frame === this.#frame) return;
      this.#frame = frame;
      const up = this.#drawn > 0 ? `\x1b[${this.#drawn}F` : '';
      this.#stream.write(`${up}${lines.map((l) => `\x1b[2K${l}\n`).join('')}`);
      this.#drawn = lines.length;
      return;
    }
    for (const code of codes) {
      const status = article.languages[code]?.status ?? 'unknown';
      if (this.#seen.get(code) === status) continue;
      this.#seen.set(code, status);
      this.#stream.write(`${languageLine(article, code).trimStart()}\n`);
    }
  }
}

const MARKS: Record<LanguageView['status'], string> = {
  queued: '·',
  translating: '…',
  published: '✓',
  edited: '✓',
  needs_review: '!',
  stale: '!',
  failed: '✗',
};

/**
 * One language of an article on one line: mark, code, name, status, model and time taken,
 * and the reason when it failed or needs review.
 *
 * @example
 * languageLine(article, 'es'); // '✓ es  Spanish    published     Xenova/opus-mt-en-es  1.2 s'
 */
function languageLine(article: ArticleView, code: LanguageCode): string {
  const state = article.languages[code];
  const name = languageOf(code).englishName.padEnd(10);
  if (code === article.sourceLanguage) return `  ${code}  ${name} source`;
  if (!state) return `  ${code}  ${name} —`;
  const took =
    state.status === 'edited' || state.status === 'stale'
      ? undefined
      : between(state.startedAt, state.finishedAt);
  const parts = [
    `${MARKS[state.status]} ${code}  ${name} ${state.status.padEnd(12)}`,
    state.model ?? '',
    took === undefined ? '' : formatDuration(took),
    reasonText(state) ? `(${reasonText(state)})` : '',
  ];
  return parts.filter(Boolean).join('  ').trimEnd();
}
