import type { Command } from 'commander';
import type { ArticleView } from '../api/views.ts';
import { type ApiOptions, apiClient, printJson, withApiOptions } from './api-options.ts';

/**
 * `tidings retract ID`: takes an article out of every feed and page, in every language.
 *
 * @example
 * registerRetract(program);
 */
export function registerRetract(program: Command): void {
  withApiOptions(
    program
      .command('retract')
      .description('Retract an article: gone from feeds and pages in every language')
      .argument('<id>', 'article id'),
  ).action(async (id: string, options: ApiOptions) => {
    const { api } = apiClient(options);
    const { body } = await api.request<ArticleView>(
      'DELETE',
      `/v1/articles/${encodeURIComponent(id)}`,
    );
    if (options.json) printJson(body);
    else process.stdout.write(`retracted ${body.id} (${body.content.title}) in every language.\n`);
  });
}
