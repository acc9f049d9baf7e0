import { LANGUAGE_CODES, type LanguageCode } from '@tidings/core';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { ArticleView } from '../api/views.ts';
import { CliError } from '../cli-error.ts';
import { INPUT_FORMATS, type InputFormat } from '../input/article-document.ts';
import { articlePayload } from '../input/article-input.ts';
import { readSource } from '../input/read-source.ts';
import { LanguageProgress } from '../output/language-progress.ts';
import { waitForLanguages } from '../wait-for-languages.ts';
import { type ApiOptions, apiClient, printJson, withApiOptions } from './api-options.ts';

interface PostOptions extends ApiOptions {
  readonly format?: InputFormat;
  readonly title?: string;
  readonly summary?: string;
  readonly language?: LanguageCode;
  readonly externalId?: string;
  readonly slug?: string;
  readonly category: string[];
  readonly wait: boolean;
  readonly timeout: number;
}

const OUTCOME: Record<number, string> = { 201: 'posted', 202: 'revised', 200: 'unchanged' };

/**
 * Parses `--timeout` (seconds) into milliseconds.
 *
 * @example
 * parseSeconds('90'); // 90000
 */
export function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new InvalidArgumentError('expected a positive number of seconds');
  }
  return seconds * 1_000;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Prints a summary and tells the caller whether every language came through. */
function conclude(article: ArticleView, done: boolean, json: boolean | undefined): void {
  const states = Object.entries(article.languages).filter(([c]) => c !== article.sourceLanguage);
  const failed = states.filter(([, s]) => s?.status === 'failed').map(([c]) => c);
  const review = states.filter(([, s]) => s?.status === 'needs_review').map(([c]) => c);
  if (json) printJson(article);
  else if (done) {
    const notes = [
      failed.length ? `failed: ${failed.join(', ')}` : '',
      review.length ? `needs review: ${review.join(', ')}` : '',
    ].filter(Boolean);
    process.stdout.write(
      `${article.id}: every language is settled${notes.length ? ` (${notes.join('; ')})` : ''}.\n`,
    );
  }
  if (!done) {
    const pending = states.filter(([, s]) => s?.status === 'queued' || s?.status === 'translating');
    throw new CliError(
      `gave up waiting for ${pending.map(([c]) => c).join(', ')}; the article is stored and keeps being translated`,
      { lines: [`  Follow it with: tidings status ${article.id}`] },
    );
  }
  if (failed.length) {
    throw new CliError(`translation into ${failed.join(', ')} failed`, {
      lines: [`  See why with: tidings status ${article.id}`],
    });
  }
}

/**
 * `tidings post FILE|-`: publishes an article and follows its translation.
 *
 * @example
 * registerPost(program);
 */
export function registerPost(
  program: Command,
  languages: readonly LanguageCode[] = LANGUAGE_CODES,
): void {
  withApiOptions(
    program
      .command('post')
      .description(
        'Publish an article (HTML, Markdown, plain text or JSON) and watch it translated',
      )
      .argument('<file>', 'the article file, or - for standard input'),
  )
    .addOption(
      new Option(
        '--format <format>',
        'how the file is written (default: by extension, then content)',
      ).choices(INPUT_FORMATS),
    )
    .option(
      '--title <title>',
      'headline (default: the first heading, or the first line, left out of the body)',
    )
    .option('--summary <text>', 'standfirst')
    .addOption(
      new Option(
        '--language <code>',
        'language it is written in (default: detected by the API)',
      ).choices(languages),
    )
    .option('--external-id <id>', 'your own id of the story: posting it again makes a new revision')
    .option('--slug <slug>', 'URL slug (default: made from the title)')
    .option('--category <name>', 'a category (repeat for several)', collect, [])
    .option('--no-wait', 'return once the article is stored, without following the translations')
    .addOption(
      new Option('--timeout <seconds>', 'stop waiting after this long')
        .argParser(parseSeconds)
        .default(600_000, '600'),
    )
    .action(async (file: string, options: PostOptions) => {
      const payload = articlePayload(file, await readSource(file), {
        format: options.format,
        title: options.title,
        summary: options.summary,
        language: options.language,
        externalId: options.externalId,
        slug: options.slug,
        categories: options.category,
        onTitleChoice: (choice) => {
          const skipped = choice.skipped.length;
          process.stderr.write(
            `tidings: title from line ${choice.line} of ${file}: "${choice.title}"${
              skipped > 0
                ? ` (passed over ${skipped} navigation line${skipped === 1 ? '' : 's'} before it: ${choice.skipped
                    .slice(0, 3)
                    .map((l) => `"${l}"`)
                    .join(', ')}${skipped > 3 ? ', …' : ''})`
                : ''
            }\n`,
          );
          for (const warning of choice.warnings) {
            process.stderr.write(`tidings: warning: ${warning}\n`);
          }
        },
      });
      const { api } = apiClient(options);
      const { status, body: article } = await api.request<ArticleView>(
        'POST',
        '/v1/articles',
        payload,
      );
      const outcome = OUTCOME[status] ?? `answered ${status}`;
      if (!options.json) {
        process.stdout.write(
          `${outcome} ${article.id} (${article.sourceLanguage}, revision ${article.revision}): ${article.content.title}\n`,
        );
      }
      if (!options.wait) {
        if (options.json) printJson(article);
        return;
      }
      const progress = options.json ? undefined : new LanguageProgress(process.stdout);
      // Ctrl-C stops the watching, not the translating: say where the article is.
      const interrupted = () => {
        process.stderr.write(
          `\ntidings: stopped watching; ${article.id} is stored and keeps being translated (tidings status ${article.id})\n`,
        );
        process.exit(130);
      };
      process.once('SIGINT', interrupted);
      try {
        const { article: last, done } = await waitForLanguages(api, article.id, {
          timeoutMs: options.timeout,
          onUpdate: (a) => progress?.update(a),
        });
        conclude(last, done, options.json);
      } finally {
        process.off('SIGINT', interrupted);
      }
    });
}
