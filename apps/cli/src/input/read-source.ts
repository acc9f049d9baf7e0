import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { CliError } from '../cli-error.ts';

/**
 * Reads a file, or standard input when `file` is `-`.
 *
 * @example
 * const source = await readSource('story.md');
 */
export async function readSource(file: string): Promise<string> {
  if (file === '-') {
    if (process.stdin.isTTY) {
      process.stderr.write('tidings: reading the article from standard input (Ctrl-D ends it)…\n');
    }
    return text(process.stdin);
  }
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : (error as Error).message;
    throw new CliError(`cannot read ${file}: ${why}`, { cause: error });
  }
}
