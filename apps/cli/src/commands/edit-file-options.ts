import { type Command, Option } from 'commander';
import { INPUT_FORMATS, type InputFormat } from '../input/article-document.ts';
import { editPayload } from '../input/article-input.ts';
import { readSource } from '../input/read-source.ts';

/** The options of a command that reads an editor's text from a file: `edit` and `approve`. */
export interface EditFileOptions {
  readonly format?: InputFormat;
  readonly title?: string;
  readonly summary?: string;
  readonly category: string[];
}

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * Adds `--format`, `--title`, `--summary` and `--category` (repeatable) to a command whose
 * file argument holds an editor's text.
 *
 * @example
 * withEditFileOptions(program.command('edit').argument('<file>'));
 */
export function withEditFileOptions(command: Command): Command {
  return command
    .addOption(new Option('--format <format>', 'how the file is written').choices(INPUT_FORMATS))
    .option('--title <title>', 'headline (default: the first heading or first line)')
    .option('--summary <text>', 'standfirst')
    .option('--category <name>', 'a category, in this language (repeat for several)', collect, []);
}

/**
 * Reads an editor's text (a file, or `-` for standard input) into the body of
 * `PUT /v1/articles/{id}/{lang}` or of an approval with an edit. Categories go with it only
 * when `--category` is given (or the JSON file has them): else the language keeps its own.
 *
 * @example
 * const payload = await readEditFile('fix.md', { category: [] });
 */
export async function readEditFile(file: string, options: EditFileOptions) {
  return editPayload(file, await readSource(file), {
    format: options.format,
    title: options.title,
    summary: options.summary,
    categories: options.category,
  });
}
