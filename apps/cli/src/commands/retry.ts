import { LANGUAGE_CODES, type LanguageCode } from '@tidings/core';
import { Argument, type Command, Option } from 'commander';
import { ApiProblemError } from '../api/api-problem-error.ts';
import type { RetriesView, RetryView } from '../api/views.ts';
import { CliError } from '../cli-error.ts';
import { reasonText } from '../output/reason-text.ts';
import { waitForLanguages } from '../wait-for-languages.ts';
import { type ApiOptions, apiClient, printJson, withApiOptions } from './api-options.ts';
import { parseSeconds } from './post.ts';

interface RetryOptions extends ApiOptions {
  readonly wait: boolean;
  readonly includePublished?: boolean;
  readonly timeout: number;
}

/**
 * One line of `tidings retry`'s output for a language: queued, already on its way, or why not
 * (the API's text in the language it chose, else its English `reason`).
 *
 * @example
 * retryLine({ language: 'de', outcome: 'queued', status: 'queued', job: 'j', reason: null }); // 'de: queued again (job j)'
 */
export function retryLine(retry: RetryView): string {
  if (retry.outcome === 'queued') return `${retry.language}: queued again (job ${retry.job})`;
  if (retry.outcome === 'already') {
    return `${retry.language}: already ${retry.status} (job ${retry.job}); not queued twice`;
  }
  return `${retry.language}: not retried: ${reasonText(retry)}`;
}

/**
 * `tidings retry ID [LANG…]`: a fresh machine translation of the languages that failed or
 * await review (all of them, or those named); with `--include-published`, of published machine
 * versions too (`?include=published`: a changed glossary applied to one article). Never
 * replaces an editor's correction; a language already on its way is not queued twice. With
 * `--wait`, follows them to the end.
 *
 * @example
 * registerRetry(program);
 */
export function registerRetry(
  program: Command,
  languages: readonly LanguageCode[] = LANGUAGE_CODES,
): void {
  withApiOptions(
    program
      .command('retry')
      .description('Translate failed or needs_review languages again (all of them, or those named)')
      .argument('<id>', 'article id')
      .addArgument(
        new Argument('[lang...]', 'languages to retry (default: every one that needs it)').choices(
          languages,
        ),
      ),
  )
    .option(
      '--include-published',
      'translate published machine versions again too (a changed glossary); readers keep the published text until the new one is in',
    )
    .option('--wait', 'follow the retried languages until each is settled')
    .addOption(
      new Option('--timeout <seconds>', 'stop waiting after this long')
        .argParser(parseSeconds)
        .default(600_000, '600'),
    )
    .action(async (id: string, languages: LanguageCode[], options: RetryOptions) => {
      const { api } = apiClient(options);
      const path = `/v1/articles/${encodeURIComponent(id)}`;
      const query = options.includePublished ? '?include=published' : '';
      const retries: RetryView[] = [];
      if (languages.length === 0) {
        const { body } = await api.request<RetriesView>('POST', `${path}/retry${query}`);
        retries.push(...body.retries);
      } else {
        for (const language of new Set(languages)) {
          try {
            const { body } = await api.request<RetriesView>(
              'POST',
              `${path}/${language}/retry${query}`,
            );
            retries.push(...body.retries);
          } catch (error) {
            // One language that has nothing to retry does not stop the others.
            if (!(error instanceof ApiProblemError && error.status === 409) || languages.length < 2)
              throw error;
            const reason = (error.problem.detail ?? '').replace(/^Nothing to retry: |\.$/g, '');
            retries.push({ language, outcome: 'skipped', status: null, job: null, reason });
          }
        }
      }
      if (options.json && !options.wait) printJson({ articleId: id, retries });
      else if (!options.json) process.stdout.write(`${retries.map(retryLine).join('\n')}\n`);
      const running = retries.filter((r) => r.outcome !== 'skipped');
      if (running.length === 0) {
        throw new CliError(`nothing to retry in ${id}`);
      }
      if (!options.wait) return;
      const { article, done } = await waitForLanguages(api, id, { timeoutMs: options.timeout });
      if (options.json) printJson(article);
      else {
        const states = running.map((r) => {
          const state = article.languages[r.language];
          const why = state ? reasonText(state) : null;
          return `${r.language} ${state?.status ?? '—'}${why ? ` (${why})` : ''}`;
        });
        process.stdout.write(`${states.join('\n')}\n`);
      }
      if (!done) throw new CliError(`gave up waiting; ${id} keeps being translated`);
    });
}
