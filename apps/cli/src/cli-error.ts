/** Exit code of a command that ran and failed (a problem from the API, a file not found…). */
export const EXIT_FAILURE = 1;
/** Exit code of a command line that cannot be run as written (unknown option, bad value…). */
export const EXIT_USAGE = 2;

/**
 * A failure the CLI explains in words: printed as `tidings: <message>` (plus `lines`, indented),
 * without a stack trace, and turned into the exit code.
 *
 * @example
 * throw new CliError(`cannot read ${file}: no such file`);
 * throw new CliError('--timeout must be a positive number of seconds', { exitCode: EXIT_USAGE });
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  /** The process's exit code: {@link EXIT_FAILURE} or {@link EXIT_USAGE}. */
  readonly exitCode: number;
  /** Further lines of explanation, printed under the message. */
  readonly lines: readonly string[];

  constructor(
    message: string,
    options: { exitCode?: number; lines?: readonly string[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.exitCode = options.exitCode ?? EXIT_FAILURE;
    this.lines = options.lines ?? [];
  }
}
