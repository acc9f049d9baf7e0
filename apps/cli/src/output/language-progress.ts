import { LANGUAGE_CODES, type LanguageCode } from '@tidings/core';
import type { ArticleView } from '../api/views.ts';
import { languageLine } from './language-line.ts';

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
