import { CommanderError } from 'commander';
import { ApiProblemError } from './api/api-problem-error.ts';
import { problemLines } from './api/problem.ts';
import { CliError, EXIT_FAILURE, EXIT_USAGE } from './cli-error.ts';
import { createProgram } from './program.ts';

/** Prints an error as the CLI's readable lines and returns the exit code it means. */
function report(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has printed the message, or the help (asked for: 0; for want of a command: 2).
    return error.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  if (error instanceof ApiProblemError) {
    process.stderr.write(`${[...problemLines(error.problem), ...error.hints].join('\n')}\n`);
    return EXIT_FAILURE;
  }
  if (error instanceof CliError) {
    process.stderr.write(`${[`tidings: ${error.message}`, ...error.lines].join('\n')}\n`);
    return error.exitCode;
  }
  process.stderr.write(`tidings: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT_FAILURE;
}

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  process.exitCode = report(error);
}
// Open handles (a model runtime's threads, a lingering socket) must not keep a finished
// command alive; the worker command waits for its child before it gets here.
process.exit(process.exitCode ?? 0);
