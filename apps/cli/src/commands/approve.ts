import { LANGUAGE_CODES, type LanguageCode } from '@tidings/core';
import { Argument, type Command } from 'commander';
import type { TranslationView } from '../api/views.ts';
import { type ApiOptions, apiClient, printJson, withApiOptions } from './api-options.ts';
import { type EditFileOptions, readEditFile, withEditFileOptions } from './edit-file-options.ts';

type ApproveOptions = ApiOptions & EditFileOptions;

/**
 * `tidings approve ID LANG [FILE]`: publishes a draft held for review as it is, or, with a
 * file, with the editor's edit in the same step (needs an editor key).
 *
 * @example
 * registerApprove(program);
 */
export function registerApprove(
  program: Command,
  languages: readonly LanguageCode[] = LANGUAGE_CODES,
): void {
  withEditFileOptions(
    withApiOptions(
      program
        .command('approve')
        .description('Publish a draft held for review, as it is or edited (needs an editor key)')
        .argument('<id>', 'article id')
        .addArgument(new Argument('<lang>', 'language of the draft').choices(languages))
        .argument(
          '[file]',
          'an edited text to publish instead (HTML, Markdown, text or JSON), or -',
        ),
    ),
  ).action(
    async (id: string, lang: LanguageCode, file: string | undefined, options: ApproveOptions) => {
      const payload = file === undefined ? undefined : await readEditFile(file, options);
      const { api } = apiClient(options);
      const { body } = await api.request<TranslationView>(
        'POST',
        `/v1/articles/${encodeURIComponent(id)}/${lang}/approve`,
        payload,
      );
      if (options.json) printJson(body);
      else {
        const how = body.status === 'edited' ? 'with your edit' : 'as the machine made it';
        process.stdout.write(
          `${id} ${lang}: approved and published ${how}: ${body.content?.title ?? ''}\n`,
        );
      }
    },
  );
}
