import { readFileSync } from 'node:fs';
import type { LanguageCode } from '@tidings/core';
import { Command } from 'commander';
import { registerApprove } from './commands/approve.ts';
import { registerDoctor } from './commands/doctor.ts';
import { registerEdit } from './commands/edit.ts';
import { registerEval } from './commands/eval.ts';
import { registerGlossary } from './commands/glossary.ts';
import { registerKeys } from './commands/keys.ts';
import { registerList } from './commands/list.ts';
import { registerModels } from './commands/models.ts';
import { registerPost } from './commands/post.ts';
import { registerRetract } from './commands/retract.ts';
import { registerRetry } from './commands/retry.ts';
import { registerShow } from './commands/show.ts';
import { registerStatus } from './commands/status.ts';
import { registerWorker } from './commands/worker.ts';
import { registerWorkers } from './commands/workers.ts';
import { servedLanguages } from './config.ts';

/**
 * The `tidings` command line. Usage errors throw a `CommanderError` (it never exits by
 * itself), so the caller decides the exit code; every subcommand inherits that. Language
 * arguments and options offer the `languages` served (`LANGUAGES`; all six by default).
 *
 * @example
 * await createProgram().parseAsync(process.argv);
 */
export function createProgram(languages: readonly LanguageCode[] = servedLanguages()): Command {
  const { version } = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  const program = new Command('tidings')
    .version(version, '-V, --version', 'print the version')
    .description('Publish articles in six languages with Tidings, and run and check the service.')
    .exitOverride()
    .configureOutput({
      outputError: (text, write) => write(`tidings: ${text.replace(/^error: /, '')}`),
    })
    .showHelpAfterError('(add --help for usage)')
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);
  for (const register of [
    registerPost,
    registerStatus,
    registerList,
    registerShow,
    registerEdit,
    registerRetry,
    registerApprove,
    registerRetract,
    registerKeys,
    registerGlossary,
    registerModels,
    registerEval,
    registerWorker,
    registerWorkers,
    registerDoctor,
  ]) {
    register(program, languages);
  }
  return program;
}
