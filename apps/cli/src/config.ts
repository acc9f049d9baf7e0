import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONFIG_VARIABLES,
  type Config,
  LANGUAGE_CODES,
  type LanguageCode,
  loadConfigOrExit,
} from '@tidings/core';
import { z } from 'zod';
import { localeLanguage } from './locale-language.ts';

/**
 * The CLI's own variables, beside the service's (`CONFIG_VARIABLES` in `@tidings/core`).
 * Documented in the README with the others.
 */
export const CLI_VARIABLES = {
  TIDINGS_URL:
    'Base URL of the Tidings API the CLI talks to; defaults to PUBLIC_URL, else http://HOST:PORT.',
  TIDINGS_KEY:
    'API key (bearer token) the CLI sends; defaults to the admin token in DATA_DIR/admin-key when that file exists.',
} as const;

const cliEnvSchema = z.object({
  TIDINGS_URL: z
    .url({ protocol: /^https?$/, error: 'an absolute http(s) URL such as http://127.0.0.1:3000' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  TIDINGS_KEY: z.string().trim().min(1).optional(),
});

/** What every command that talks to the API needs: the service's config, an address, a key. */
export interface CliConfig {
  /** The service's configuration, parsed by core's one schema. */
  readonly config: Config;
  /** API base URL, without a trailing slash. */
  readonly url: string;
  /** Bearer token, when one is known. */
  readonly key: string | undefined;
  /** Where the key came from, for hints when the API refuses it. */
  readonly keySource: '--key' | 'TIDINGS_KEY' | 'admin-key file' | 'none';
  /** The user's language (`LC_ALL`, `LC_MESSAGES`, `LANG`) when Tidings speaks it, as a tag. */
  readonly language?: string | undefined;
}

/** Flags that override the environment. */
export interface CliOverrides {
  readonly url?: string | undefined;
  readonly key?: string | undefined;
}

const PROGRAM = 'tidings';

/** A bind-all address is where the API listens, not where a client can reach it. */
function reachable(url: string): string {
  const parsed = new URL(url);
  if (parsed.hostname === '0.0.0.0' || parsed.hostname === '[::]') parsed.hostname = '127.0.0.1';
  return parsed.toString().replace(/\/+$/, '');
}

function readAdminKey(dataDir: string): string | undefined {
  try {
    return readFileSync(join(dataDir, 'admin-key'), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The languages served (`LANGUAGES`, as core's schema reads it) that the commands offer as
 * choices; all six when it is unset, or invalid (the command then stops on it, naming it, when
 * it loads the configuration).
 *
 * @example
 * servedLanguages({ LANGUAGES: 'uk,en' }); // ['en', 'uk']
 */
export function servedLanguages(
  env: Readonly<Record<string, string | undefined>> = process.env,
): readonly LanguageCode[] {
  const parsed = CONFIG_VARIABLES.LANGUAGES.schema.safeParse(
    env.LANGUAGES?.trim() || CONFIG_VARIABLES.LANGUAGES.default,
  );
  return parsed.success ? parsed.data : LANGUAGE_CODES;
}

/**
 * Parses the configuration once: the service's variables through core's schema, then
 * TIDINGS_URL and TIDINGS_KEY, and the user's language from the locale; a bad value prints one line naming it and exits with code 1.
 *
 * @example
 * const { url, key } = loadCliConfig({ url: opts.url, key: opts.key });
 */
export function loadCliConfig(
  overrides: CliOverrides = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): CliConfig {
  const config = loadConfigOrExit(env, PROGRAM);
  const parsed = cliEnvSchema.safeParse({
    TIDINGS_URL: env.TIDINGS_URL?.trim() || undefined,
    TIDINGS_KEY: env.TIDINGS_KEY?.trim() || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'TIDINGS_URL') as keyof typeof CLI_VARIABLES;
    process.stderr.write(
      `${PROGRAM}: Invalid configuration: ${name}=${JSON.stringify(env[name] ?? '')} is not ${issue?.message ?? 'valid'}\n`,
    );
    process.exit(1);
  }
  const vars = parsed.data;
  const url = overrides.url ?? vars.TIDINGS_URL ?? reachable(config.publicUrl);
  const language = localeLanguage(env);
  if (overrides.key) return { config, url, key: overrides.key, keySource: '--key', language };
  if (vars.TIDINGS_KEY) {
    return { config, url, key: vars.TIDINGS_KEY, keySource: 'TIDINGS_KEY', language };
  }
  const adminKey = readAdminKey(config.dataDir);
  return {
    config,
    url,
    language,
    key: adminKey,
    keySource: adminKey ? 'admin-key file' : 'none',
  };
}
