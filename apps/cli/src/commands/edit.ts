import { LANGUAGE_CODES, type LanguageCode } from '@tidings/core';
import { Argument, type Command } from 'commander';
import type { TranslationView } from '../api/views.ts';
import { type ApiOptions, apiClient, printJson, withApiOptions } from './api-options.ts';
import { type EditFileOptions, readEditFile, withEditFileOptions } from './edit-file-options.ts';

type EditOptions = ApiOptions & EditFileOptions;

/**
 * `tidings edit ID LANG FILE`: an editor's correction of one language, which machine
 * translation never overwrites afterwards.
 *
 * @example
 * registerEdit(program);
 */
export function registerEdit(
  program: Command,
  languages: readonly LanguageCode[] = LANGUAGE_CODES,
): void {
  withEditFileOptions(
    withApiOptions(
      program
        .command('edit')
        .description("Publish an editor's correction of one language (needs an editor key)")
        .argument('<id>', 'article id')
        .addArgument(new Argument('<lang>', 'language corrected').choices(languages))
        .argument('<file>', 'the corrected text (HTML, Markdown, plain text or JSON), or -'),
    ),
  ).action(async (id: string, lang: LanguageCode, file: string, options: EditOptions) => {
    const payload = await readEditFile(file, options);
    const { api } = apiClient(options);
    const { body } = await api.request<TranslationView>(
      'PUT',
      `/v1/articles/${encodeURIComponent(id)}/${lang}`,
      payload,
    );
    if (options.json) printJson(body);
    else {
      process.stdout.write(
        `${id} ${lang}: ${body.status}; the correction is live and machine translation will not overwrite it.\n`,
      );
    }
  });
}
