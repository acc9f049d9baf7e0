import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import { CONFIG_VARIABLES, type ConfigVariableName } from './config-variables.ts';
import type { LanguageCode } from './languages.ts';
import {
  resolveSiteSettings,
  type SiteSettings,
  type SiteSettingsInput,
  siteConfigFileSchema,
} from './site-settings.ts';
import { exitWithMessage } from './start-failure.ts';

type Vars = typeof CONFIG_VARIABLES;
type Parsed = { [K in ConfigVariableName]: z.output<Vars[K]['schema']> };

/**
 * Tidings' configuration, parsed once from the environment at start.
 *
 * @example
 * const config = parseConfig(process.env);
 * config.port; // 3000
 */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  readonly redisUrl: string;
  readonly redisPrivatePort: number;
  readonly queuePrefix: string;
  /** Absolute path. */
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly workers: number;
  /** V8 flags `npm start` gives the API process (`API_V8_FLAGS`; none: V8's defaults). */
  readonly apiV8Flags: readonly string[];
  readonly logLevel: Parsed['LOG_LEVEL'];
  readonly logFormat: Parsed['LOG_FORMAT'];
  readonly shutdownTimeoutMs: number;
  readonly bodyLimitBytes: number;
  readonly maxArticleChars: number;
  readonly requestTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly rateLimitPerMinute: number;
  readonly reconcileIntervalMs: number;
  readonly reconcileOverdueMs: number;
  readonly stalledRetries: number;
  /** The languages served (`LANGUAGES`), two or more, in menu order. */
  readonly languages: readonly LanguageCode[];
  readonly languageDetectionThreshold: number;
  readonly websubHubUrl: string | undefined;
  /** `demo`: the repository's dictionary models, every translation marked as a demo one. */
  readonly models: Parsed['MODELS'];
  /** Absolute path (DATA_DIR/demo-models with MODELS=demo). */
  readonly modelsDir: string;
  /** Absolute path, when set. */
  readonly modelMap: string | undefined;
  readonly allowRemoteModels: boolean;
  /** With a trailing slash. */
  readonly modelHubUrl: string;
  readonly modelDtype: Parsed['MODEL_DTYPE'];
  readonly modelCacheSize: number;
  /** Models a worker loads at start (`PRELOAD_MODELS`): those of every served direction, none, or those of some directions. */
  readonly preloadModels: 'served' | 'none' | readonly (readonly [LanguageCode, LanguageCode])[];
  readonly ortThreads: number;
  readonly workerConcurrency: number;
  readonly workerLockDurationMs: number;
  readonly translateBatchTokens: number;
  readonly translationMemoryTtlDays: number;
  /** PUBLISH_POLICY: publish a draft whose markup was repaired with a flag, or hold it. */
  readonly publishPolicy: 'flag' | 'hold';
  /** Absolute path, when set. */
  readonly glossary: string | undefined;
  /** The newsroom's name, logo, description, colour and footer (`SITE_CONFIG`, `SITE_*`). */
  readonly site: SiteSettings;
  /** How long a desk session lasts, in seconds (`DESK_SESSION_TTL`). */
  readonly deskSessionTtlSeconds: number;
  /** Signs desk session cookies (`DESK_SESSION_SECRET`); unset, the API makes one per process. */
  readonly deskSessionSecret: string | undefined;
}

/** A bad configuration value; its message is one readable line naming the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** Every offending variable, with its value and what was expected. */
  readonly problems: readonly { variable: string; value: string; expected: string }[];

  constructor(problems: ConfigError['problems']) {
    super(
      `Invalid configuration: ${problems
        .map((p) => `${p.variable}=${JSON.stringify(p.value)} is not ${p.expected}`)
        .join('; ')}`,
    );
    this.problems = problems;
  }
}

/**
 * Parses and validates every variable of {@link CONFIG_VARIABLES}; an unset or empty variable
 * takes its default. Throws a {@link ConfigError} listing every bad value.
 *
 * @example
 * parseConfig({ PORT: '8080' }).port; // 8080
 * parseConfig({ PORT: 'abc' }); // throws: Invalid configuration: PORT="abc" is not an integer from 1 to 65535
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const problems: { variable: string; value: string; expected: string }[] = [];
  const values: Partial<Record<ConfigVariableName, unknown>> = {};
  for (const [name, spec] of Object.entries(CONFIG_VARIABLES) as [
    ConfigVariableName,
    Vars[ConfigVariableName],
  ][]) {
    const raw = env[name]?.trim() || spec.default;
    if (raw === undefined) continue;
    const result = spec.schema.safeParse(raw);
    if (result.success) values[name] = result.data;
    else problems.push({ variable: name, value: env[name] ?? '', expected: spec.expected });
  }
  const siteFile = readSiteConfig(env.SITE_CONFIG?.trim(), problems);
  checkPreloadDirections(values as Partial<Parsed>, env, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  const v = values as Parsed;
  const demo = v.MODELS === 'demo';
  const dataDir = resolve(v.DATA_DIR);
  return {
    port: v.PORT,
    host: v.HOST,
    publicUrl: v.PUBLIC_URL ?? `http://${v.HOST.includes(':') ? `[${v.HOST}]` : v.HOST}:${v.PORT}`,
    redisUrl: v.REDIS_URL,
    redisPrivatePort: v.REDIS_PRIVATE_PORT,
    queuePrefix: v.QUEUE_PREFIX,
    dataDir,
    databaseUrl: v.DATABASE_URL,
    workers: v.WORKERS,
    apiV8Flags: v.API_V8_FLAGS,
    logLevel: v.LOG_LEVEL,
    logFormat: v.LOG_FORMAT,
    shutdownTimeoutMs: v.SHUTDOWN_TIMEOUT_MS,
    bodyLimitBytes: v.BODY_LIMIT_BYTES,
    maxArticleChars: v.MAX_ARTICLE_CHARS,
    requestTimeoutMs: v.REQUEST_TIMEOUT_MS,
    headersTimeoutMs: v.HEADERS_TIMEOUT_MS,
    rateLimitPerMinute: v.RATE_LIMIT_PER_MINUTE,
    reconcileIntervalMs: v.RECONCILE_INTERVAL_MS,
    reconcileOverdueMs: v.RECONCILE_OVERDUE_MS,
    stalledRetries: v.STALLED_RETRIES,
    languages: v.LANGUAGES,
    languageDetectionThreshold: v.LANGUAGE_DETECTION_THRESHOLD,
    websubHubUrl: v.WEBSUB_HUB_URL,
    models: v.MODELS,
    modelsDir: demo ? join(dataDir, 'demo-models') : resolve(v.MODELS_DIR),
    modelMap: v.MODEL_MAP === undefined ? undefined : resolve(v.MODEL_MAP),
    allowRemoteModels: demo ? false : v.ALLOW_REMOTE_MODELS,
    modelHubUrl: v.MODEL_HUB_URL,
    modelDtype: v.MODEL_DTYPE,
    modelCacheSize: v.MODEL_CACHE_SIZE,
    preloadModels: v.PRELOAD_MODELS,
    ortThreads: v.ORT_THREADS,
    workerConcurrency: v.WORKER_CONCURRENCY,
    workerLockDurationMs: v.WORKER_LOCK_DURATION_MS,
    translateBatchTokens: v.TRANSLATE_BATCH_TOKENS,
    translationMemoryTtlDays: v.TRANSLATION_MEMORY_TTL_DAYS,
    publishPolicy: v.PUBLISH_POLICY,
    glossary: v.GLOSSARY === undefined ? undefined : resolve(v.GLOSSARY),
    site: resolveSiteSettings(siteFile, {
      name: v.SITE_NAME,
      logoUrl: v.SITE_LOGO_URL,
      description: v.SITE_DESCRIPTION,
      accentColor: v.SITE_ACCENT_COLOR,
      footer: v.SITE_FOOTER,
    }),
    deskSessionTtlSeconds: v.DESK_SESSION_TTL,
    deskSessionSecret: v.DESK_SESSION_SECRET,
  };
}

/** A direction to preload must be one the installation serves (both its languages in LANGUAGES). */
function checkPreloadDirections(
  v: Partial<Parsed>,
  env: Readonly<Record<string, string | undefined>>,
  problems: { variable: string; value: string; expected: string }[],
): void {
  const { PRELOAD_MODELS: preload, LANGUAGES: languages } = v;
  if (!Array.isArray(preload) || !languages) return;
  const unserved = preload.filter(
    ([from, to]) => !languages.includes(from) || !languages.includes(to),
  );
  if (unserved.length === 0) return;
  problems.push({
    variable: 'PRELOAD_MODELS',
    value: env.PRELOAD_MODELS ?? '',
    expected: `a list of directions between the served languages (${languages.join(', ')}); ${unserved.map((d) => d.join('-')).join(', ')} is not one`,
  });
}

/** Reads and checks `SITE_CONFIG`'s file at start, so a typo in it stops the process too. */
function readSiteConfig(
  path: string | undefined,
  problems: { variable: string; value: string; expected: string }[],
): SiteSettingsInput {
  if (!path) return {};
  let why: string;
  try {
    const parsed = siteConfigFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (parsed.success) return parsed.data;
    why = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'the file'}: ${issue.message}`)
      .join(', ');
  } catch (error) {
    why = (error as Error).message;
  }
  problems.push({
    variable: 'SITE_CONFIG',
    value: path,
    expected: `a readable JSON file of site settings (${why})`,
  });
  return {};
}

/**
 * Parses the configuration, or prints the one-line reason to stderr and exits with code 1:
 * a bad variable stops a process before it does anything, without a stack trace.
 *
 * @example
 * const config = loadConfigOrExit(process.env, 'tidings-api');
 */
export function loadConfigOrExit(
  env: Readonly<Record<string, string | undefined>>,
  program: string,
): Config {
  try {
    return parseConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    exitWithMessage(program, error.message);
  }
}
