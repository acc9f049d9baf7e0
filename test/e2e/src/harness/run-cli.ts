import { launch } from './launch.ts';

/**
 * Runs `tidings …` as a user would, in `env` (an installation's, with `extra` over it), until
 * it exits; resolves with its exit code and everything it printed.
 *
 * @example
 * const { code, output } = await runCli(tidings.env, ['status', articleId]);
 */
export async function runCli(
  env: Record<string, string>,
  args: readonly string[],
  extra: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  const run = launch(['apps/cli/bin/tidings.mjs', ...args], { ...env, ...extra });
  const { code } = await run.exited();
  return { code, output: run.output() };
}

/**
 * The lines a command printed, without blank ones.
 *
 * @example
 * expect(printedLines(output).at(-1)).toMatch(/^pulled 2 models/);
 */
export const printedLines = (output: string): string[] =>
  output.split('\n').filter((l) => l.trim());
