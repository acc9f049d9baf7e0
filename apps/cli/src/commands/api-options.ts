import { type Command, InvalidArgumentError } from 'commander';
import { ApiClient } from '../api/api-client.ts';
import { type CliConfig, loadCliConfig } from '../config.ts';

/** The flags every command that calls the API takes. */
export interface ApiOptions {
  readonly url?: string;
  readonly key?: string;
  readonly json?: boolean;
}

/**
 * Parses `--url`: an absolute http(s) URL, without its trailing slash.
 *
 * @example
 * parseUrl('http://127.0.0.1:3000/'); // 'http://127.0.0.1:3000'
 */
export function parseUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
    return url.toString().replace(/\/+$/, '');
  } catch {
    throw new InvalidArgumentError(
      'expected an absolute http(s) URL such as http://127.0.0.1:3000',
    );
  }
}

/**
 * Adds `--url`, `--key` and `--json` to a command.
 *
 * @example
 * withApiOptions(program.command('status').argument('<id>')).action(…);
 */
export function withApiOptions(command: Command): Command {
  return command
    .option(
      '--url <url>',
      'API base URL (default: TIDINGS_URL, else PUBLIC_URL or http://HOST:PORT)',
      parseUrl,
    )
    .option('--key <token>', 'API key (default: TIDINGS_KEY, else the token in DATA_DIR/admin-key)')
    .option('--json', 'print the result as JSON, for scripts');
}

/**
 * The configuration and an API client, with the command line's `--url` and `--key` over the
 * environment.
 *
 * @example
 * const { api } = apiClient(options);
 */
export function apiClient(options: ApiOptions): { api: ApiClient; cli: CliConfig } {
  const cli = loadCliConfig({ url: options.url, key: options.key });
  // --json is for scripts, which match on what the API says: English, whatever the terminal's
  // locale (the API's language otherwise follows the user's: Accept-Language from LANG).
  return { api: new ApiClient(options.json ? { ...cli, language: undefined } : cli), cli };
}

/**
 * Prints a value as indented JSON on standard output.
 *
 * @example
 * printJson(article);
 */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
