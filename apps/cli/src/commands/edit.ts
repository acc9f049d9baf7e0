import { LANGUAGE_CODES, type LanguageCode } from '@tidings/core';
import { Argument, type Command, Option } from 'commander';
import type { TranslationView } from '../api/views.ts';
import { INPUT_FORMATS, type InputFormat } from '../input/article-document.ts';
import { editPayload } from '../input/article-input.ts';
import { readSource } from '../input/read-source.ts';
import { type ApiOptions, apiClient, printJson, withApiOptions } from './api-options.ts';

interface EditOptions extends ApiOptions {
  readonly format?: InputFormat;
  readonly title?: string;
  readonly summary?: string;
  readonly category: string[];
}

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * `tidings edit ID LANG FILE`: an editor's correction of one language, which machine
 * translation never overwrites afterwards.
 *
 * @example
 * registerEdit(program);
 */
export function registerEdit(program: Command): void {
  withApiOptions(
    program
      .command('edit')
      .description("Publish an editor's correction of one language (needs an editor key)")
      .argument('<id>', 'article id')
      .addArgument(new Argument('<lang>', 'language corrected').choices(LANGUAGE_CODES))
      .argument('<file>', 'the corrected text (HTML, Markdown, plain text or JSON), or -'),
  )
    .addOption(new Option('--format <format>', 'how the file is written').choices(INPUT_FORMATS))
    .option('--title <title>', 'headline (default: the first heading or first line)')
    .option('--summary <text>', 'standfirst')
    .option('--category <name>', 'a category, in this language (repeat for several)', collect, [])
    .action(async (id: string, lang: LanguageCode, file: string, options: EditOptions) => {
      const payload = editPayload(file, await readSource(file), {
        format: options.format,
        title: options.title,
        summary: options.summary,
        categories: options.category,
      });
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
