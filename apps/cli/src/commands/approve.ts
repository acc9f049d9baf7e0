import { LANGUAGE_CODES, type LanguageCode } from '@tidings/core';
import { Argument, type Command, Option } from 'commander';
import type { TranslationView } from '../api/views.ts';
import { INPUT_FORMATS, type InputFormat } from '../input/article-document.ts';
import { editPayload } from '../input/article-input.ts';
import { readSource } from '../input/read-source.ts';
import { type ApiOptions, apiClient, printJson, withApiOptions } from './api-options.ts';

interface ApproveOptions extends ApiOptions {
  readonly format?: InputFormat;
  readonly title?: string;
  readonly summary?: string;
  readonly category: string[];
}

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * `tidings approve ID LANG [FILE]`: publishes a draft held for review as it is, or, with a
 * file, with the editor's edit in the same step (needs an editor key).
 *
 * @example
 * registerApprove(program);
 */
export function registerApprove(program: Command): void {
  withApiOptions(
    program
      .command('approve')
      .description('Publish a draft held for review, as it is or edited (needs an editor key)')
      .argument('<id>', 'article id')
      .addArgument(new Argument('<lang>', 'language of the draft').choices(LANGUAGE_CODES))
      .argument('[file]', 'an edited text to publish instead (HTML, Markdown, text or JSON), or -'),
  )
    .addOption(new Option('--format <format>', 'how the file is written').choices(INPUT_FORMATS))
    .option('--title <title>', 'headline of the edit (default: its first heading or line)')
    .option('--summary <text>', 'standfirst of the edit')
    .option('--category <name>', 'a category of the edit (repeat for several)', collect, [])
    .action(
      async (id: string, lang: LanguageCode, file: string | undefined, options: ApproveOptions) => {
        const payload =
          file === undefined
            ? undefined
            : editPayload(file, await readSource(file), {
                format: options.format,
                title: options.title,
                summary: options.summary,
                categories: options.category,
              });
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
