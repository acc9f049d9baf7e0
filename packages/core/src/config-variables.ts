import { isIP } from 'node:net';
import { z } from 'zod';
import { DEFAULT_MAX_ARTICLE_CHARS } from './article.ts';
import { LANGUAGE_CODES, type LanguageCode } from './languages.ts';
import { siteSettingSchemas } from './site-settings.ts';

/** One environment variable: how it is parsed, what it means, what a bad value should say. */
export interface ConfigVariable<T extends z.ZodType = z.ZodType> {
  /** Parses the raw string (already known to be non-empty). */
  readonly schema: T;
  /** The value used when the variable is unset or empty, as it would be written in `.env`. */
  readonly default?: string | undefined;
  /** What a valid value looks like, for error messages ("an integer from 1 to 65535"). */
  readonly expected: string;
  /** One sentence for the README and `.env.example`. */
  readonly description: string;
}

const variable = <T extends z.ZodType>(v: ConfigVariable<T>): ConfigVariable<T> => v;

// A whole number written in digits (spaces around it allowed): `1e3`, `0x10`, `1.0` and `1_000`
// are refused, not read as 1000, 16 or 1 behind the operator's back.
const written = (digits: RegExp, min: number, max: number) =>
  z.string().trim().regex(digits).transform(Number).pipe(z.number().min(min).max(max));
const integer = (min: number, max = Number.MAX_SAFE_INTEGER) => written(/^\d+$/, min, max);
// The same for a fraction: digits with one point (`0.5`, `.75`).
const decimal = (min: number, max: number) => written(/^(\d+(\.\d*)?|\.\d+)$/, min, max);
const port = integer(1, 65535);
const positiveInt = integer(1);
const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const DURATION_UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;
// A number of seconds, or a number with s, m, h or d; from 1 minute to 30 days.
const duration = z
  .string()
  .regex(/^\d+\s*[smhd]?$/i)
  .transform((v) => {
    const unit = (v.at(-1)?.toLowerCase() ?? 's') as keyof typeof DURATION_UNIT_SECONDS;
    const n = Number.parseInt(v, 10);
    return n * (unit in DURATION_UNIT_SECONDS ? DURATION_UNIT_SECONDS[unit] : 1);
  })
  .refine((seconds) => seconds >= 60 && seconds <= 30 * 86400);
const redisUrl = z.url({ protocol: /^rediss?$/ });
// An IP address, or a host name of dot-separated labels (letters, digits, '-', '_'): what the API
// can bind and what its default PUBLIC_URL (http://HOST:PORT) can be made of.
const HOST_NAME =
  /^(?=.{1,253}\.?$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$/i;
const host = z.string().refine((h) => (isIP(h) !== 0 && !h.includes('%')) || HOST_NAME.test(h));
// Two or more distinct language codes, separated by commas; kept in menu order.
const languageList = z
  .string()
  .transform((v) => v.split(',').map((code) => code.trim().toLowerCase()))
  .refine(
    (codes) =>
      codes.every((code) => (LANGUAGE_CODES as readonly string[]).includes(code)) &&
      new Set(codes).size === codes.length &&
      codes.length >= 2,
  )
  .transform((codes) => LANGUAGE_CODES.filter((code) => codes.includes(code)) as LanguageCode[]);

// `served`, `none`, or `from-to` directions separated by commas (checked against LANGUAGES later).
const preloadList = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .refine(
    (v) =>
      v === 'served' ||
      v === 'none' ||
      v.split(',').every((d) => {
        const [from, to, extra] = d.trim().split('-');
        const known = LANGUAGE_CODES as readonly string[];
        return (
          extra === undefined &&
          known.includes(from ?? '') &&
          known.includes(to ?? '') &&
          from !== to
        );
      }),
  )
  .transform((v): 'served' | 'none' | [LanguageCode, LanguageCode][] =>
    v === 'served' || v === 'none'
      ? v
      : v.split(',').map((d) => d.trim().split('-') as [LanguageCode, LanguageCode]),
  );

// `none`, or V8 flags (`--name` or `--name=value`) separated by spaces.
const v8Flags = z
  .string()
  .transform((v) => v.trim())
  .refine((v) => v === 'none' || v.split(/\s+/).every((f) => /^--[a-z][\w-]*(=[\w.-]+)?$/.test(f)))
  .transform((v): string[] => (v === 'none' ? [] : v.split(/\s+/)));

/**
 * Every environment variable Tidings reads, with its parser, default and documentation.
 * The README and `.env.example` are checked against this table by a test.
 *
 * @example
 * CONFIG_VARIABLES.PORT.default; // '3000'
 */
export const CONFIG_VARIABLES = {
  PORT: variable({
    schema: port,
    default: '3000',
    expected: 'an integer from 1 to 65535',
    description: 'Port the HTTP API listens on.',
  }),
  HOST: variable({
    schema: host,
    default: '127.0.0.1',
    expected: 'a host name or IP address to bind',
    description:
      'Address the HTTP API binds; use 0.0.0.0 to accept connections from other machines.',
  }),
  PUBLIC_URL: variable({
    schema: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, '')),
    expected: 'an absolute http(s) URL such as https://news.example.org',
    description:
      'Public base URL of the site, used in feeds and links; defaults to http://HOST:PORT.',
  }),
  REDIS_URL: variable({
    schema: redisUrl,
    default: 'redis://127.0.0.1:6379',
    expected: 'a redis:// or rediss:// URL',
    description:
      'Redis for the queues and the translation memory. When nothing answers there, `npm start` runs a private redis-server.',
  }),
  REDIS_PRIVATE_PORT: variable({
    schema: port,
    default: '6390',
    expected: 'an integer from 1 to 65535',
    description:
      'Port of the private redis-server that `npm start` runs (data under DATA_DIR/redis) when nothing answers at REDIS_URL.',
  }),
  QUEUE_PREFIX: variable({
    schema: z.string().regex(/^[\w.-]+$/),
    default: 'tidings',
    expected: 'letters, digits, ".", "_" or "-"',
    description:
      'Prefix of every Redis key Tidings writes (queues, translation memory), so several installations can share one Redis.',
  }),
  DATA_DIR: variable({
    schema: z.string().min(1),
    default: './data',
    expected: 'a directory path',
    description:
      'Where the embedded store (PGlite) and the private Redis keep their data; created when missing.',
  }),
  DATABASE_URL: variable({
    schema: z.url({ protocol: /^postgres(ql)?$/ }),
    expected: 'a postgres:// or postgresql:// URL',
    description:
      'Use this PostgreSQL server instead of the embedded PGlite store (for several API instances or durability against power loss).',
  }),
  WORKERS: variable({
    schema: integer(0, 64),
    default: '1',
    expected: 'an integer from 0 to 64',
    description: 'How many worker processes `npm start` runs beside the API (0: API only).',
  }),
  API_V8_FLAGS: variable({
    schema: v8Flags,
    default: '--max-semi-space-size=2 --heap-growing-percent=20',
    expected: 'V8 flags such as --max-semi-space-size=2, separated by spaces, or none',
    description:
      "V8 flags `npm start` runs the API process with (none: V8's defaults). The default keeps its memory near what it holds: a young generation of at most 2 MiB a semi-space (V8's default: 16) and a full GC once the old generation has grown 20% past what the last one left live (V8 never lets it grow less than 8 MiB). On PostgreSQL the API's resident memory 5 s after the last of 20,000 feed and readiness requests (busy: before V8's memory reducer gives back what the load took) was 175-221 MiB with V8's defaults, 151-155 MiB with 30% instead of 20%, 146-148 MiB with these (bench api-memory), for ~10% more API CPU time per feed or readiness request than with V8's defaults (measured at 30%; 20% did not differ from 30% beyond this machine's noise).",
  }),
  LOG_LEVEL: variable({
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    default: 'info',
    expected: 'one of fatal, error, warn, info, debug, trace, silent',
    description: 'Least severe log level written.',
  }),
  LOG_FORMAT: variable({
    schema: z.enum(['auto', 'pretty', 'json']),
    default: 'auto',
    expected: 'one of auto, pretty, json',
    description:
      'Log lines as JSON, or pretty for people; auto is pretty in a terminal, JSON otherwise.',
  }),
  SHUTDOWN_TIMEOUT_MS: variable({
    schema: positiveInt,
    default: '30000',
    expected: 'a positive integer (milliseconds)',
    description:
      'How long a process waits for work in hand (a request, a translation) to finish on SIGTERM or Ctrl-C before it exits anyway.',
  }),
  BODY_LIMIT_BYTES: variable({
    schema: positiveInt,
    default: '1048576',
    expected: 'a positive integer (bytes)',
    description:
      'Largest request body the API accepts, in bytes of JSON; a larger one is answered 413. Keep it well above MAX_ARTICLE_CHARS (a character takes up to 4 bytes, more when escaped).',
  }),
  REQUEST_TIMEOUT_MS: variable({
    schema: integer(1_000),
    default: '30000',
    expected: 'an integer of at least 1000 (milliseconds)',
    description:
      'Longest time a client may take to send one whole request to the API (headers and body); after it the API answers 408 and closes the connection.',
  }),
  HEADERS_TIMEOUT_MS: variable({
    schema: integer(1_000),
    default: '10000',
    expected: 'an integer of at least 1000 (milliseconds)',
    description:
      "Longest time a client may take to send a request's headers to the API (at most REQUEST_TIMEOUT_MS); after it the API answers 408 and closes the connection.",
  }),
  MAX_ARTICLE_CHARS: variable({
    schema: positiveInt,
    default: String(DEFAULT_MAX_ARTICLE_CHARS),
    expected: 'a positive integer (characters)',
    description:
      'Largest article, in characters of its title, summary, cleaned HTML body, categories and image alt text together. The API refuses a larger one (413) and workers translate any article up to it; give the API and the workers the same value.',
  }),
  RATE_LIMIT_PER_MINUTE: variable({
    schema: positiveInt,
    default: '600',
    expected: 'a positive integer',
    description:
      'Requests each API key may make per minute (counted in Redis, so shared by every API instance); beyond it, 429 with Retry-After.',
  }),
  RECONCILE_INTERVAL_MS: variable({
    schema: positiveInt,
    default: '30000',
    expected: 'a positive integer (milliseconds)',
    description:
      'How often the API re-enqueues translation requests the store still waits for (Redis is not the system of record).',
  }),
  RECONCILE_OVERDUE_MS: variable({
    schema: positiveInt,
    default: '600000',
    expected: 'a positive integer (milliseconds)',
    description:
      'An enqueued translation with no result after this long is checked against the queue and enqueued again if its job is gone.',
  }),
  STALLED_RETRIES: variable({
    schema: integer(0, 100),
    default: '3',
    expected: 'an integer from 0 to 100',
    description:
      'How many times the API translates a language again, as a fresh job, after its job was failed for stalling (its workers died or lost Redis 6 times while holding it); once more, and the language is failed with the reason. 0: failed at once.',
  }),
  LANGUAGES: variable({
    schema: languageList,
    default: LANGUAGE_CODES.join(','),
    expected: `two or more different codes of ${LANGUAGE_CODES.join(', ')}, separated by commas`,
    description:
      "The languages this instance serves, like LibreTranslate's --load-only: an article is posted in one of them (another is refused with a 422) and translated into the others; only their pages, feeds, sitemaps and models exist. Versions stored in another language before are kept but not served.",
  }),
  LANGUAGE_DETECTION_THRESHOLD: variable({
    schema: decimal(0, 1),
    default: '0.5',
    expected: 'a number from 0 to 1',
    description:
      'Least confidence at which the language of an article posted without one is accepted; below it the post is refused (422) rather than guessed.',
  }),
  WEBSUB_HUB_URL: variable({
    schema: z.url({ protocol: /^https?$/ }),
    expected: 'an absolute http(s) URL',
    description:
      "WebSub hub announced in every feed and pinged whenever a language's feed changes; unset, no hub.",
  }),
  MODELS: variable({
    schema: z.enum(['hub', 'demo']),
    default: 'hub',
    expected: 'hub or demo',
    description:
      "demo: try Tidings without any model download: `npm start` builds the repository's own word-for-word dictionary models (test/models, cached; in DATA_DIR/demo-models) and uses them for every direction instead of MODEL_MAP and MODELS_DIR, says so in a banner, and marks everything they make as a demo translation (pages, feeds, API, provenance). hub: real models from MODELS_DIR and the model hub.",
  }),
  MODELS_DIR: variable({
    schema: z.string().min(1),
    default: './models',
    expected: 'a directory path',
    description:
      'Where translation models live, one directory per model id (MODELS_DIR/Xenova/opus-mt-en-es/).',
  }),
  MODEL_MAP: variable({
    schema: z.string().min(1),
    expected: 'the path of a JSON model map',
    description:
      'JSON file naming the model for each direction (or one multilingual model); unset, the built-in map: direct Opus-MT pairs, English pivot for the rest.',
  }),
  ALLOW_REMOTE_MODELS: variable({
    schema: boolean,
    default: 'true',
    expected: 'true or false',
    description:
      'Download a missing model once from the model hub into MODELS_DIR; false to use only what is already there.',
  }),
  MODEL_HUB_URL: variable({
    schema: z.url({ protocol: /^https?$/ }).transform((u) => (u.endsWith('/') ? u : `${u}/`)),
    default: 'https://huggingface.co/',
    expected: 'an absolute http(s) URL such as https://hub.example.org/',
    description:
      'The model hub, or a mirror of it, that missing models are downloaded from (files at <url><model id>/resolve/main/<file>, as Transformers.js fetches them).',
  }),
  MODEL_DTYPE: variable({
    schema: z.enum(['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4']),
    default: 'fp32',
    expected: 'one of fp32, fp16, q8, int8, uint8, q4',
    description:
      'Which weights of each model to load: fp32 (onnx/*.onnx) or a quantized variant such as q8 (onnx/*_quantized.onnx, several times faster on CPU).',
  }),
  MODEL_CACHE_SIZE: variable({
    schema: positiveInt,
    default: '6',
    expected: 'a positive integer',
    description:
      'How many models a worker keeps loaded; the least recently used one is unloaded beyond that.',
  }),
  PRELOAD_MODELS: variable({
    schema: preloadList,
    default: 'served',
    expected: 'served, none, or directions between the served languages such as en-es,en-uk',
    description:
      'Which models a worker loads at start, before it takes a job, so the first article after a start does not wait for loading: served (those of every direction between the LANGUAGES, most used first, as many as MODEL_CACHE_SIZE keeps), none (each on the first job that needs it), or a list of directions.',
  }),
  ORT_THREADS: variable({
    schema: integer(0, 256),
    default: '0',
    expected: 'an integer from 0 to 256',
    description:
      'Threads ONNX Runtime uses per model session (0: its default, all cores). With several workers on one machine, cores divided by workers.',
  }),
  WORKER_CONCURRENCY: variable({
    schema: integer(1, 64),
    default: '8',
    expected: 'an integer from 1 to 64',
    description:
      "How many translation jobs one worker process holds at once. All go to the worker's one translation engine (one copy of each model), which translates the jobs for one direction together in shared batches, the longest-waiting direction first; above 5 (the languages of one article) the articles of a burst share batches.",
  }),
  WORKER_LOCK_DURATION_MS: variable({
    schema: integer(1_000),
    default: '30000',
    expected: 'an integer of at least 1000 (milliseconds)',
    description:
      'How long a worker holds a job between lock renewals (renewed, and checked for stalled jobs, every quarter of it); the jobs of a worker that dies or loses Redis are back in the queue within 1.25 times this, and it is reported silent after 3 heartbeats (one every quarter of it, at most 5 s).',
  }),
  TRANSLATE_BATCH_TOKENS: variable({
    schema: positiveInt,
    default: '4096',
    expected: 'a positive integer',
    description:
      'Token budget of one model batch (segments x longest segment); larger batches are faster per token and use more memory.',
  }),
  TRANSLATION_MEMORY_TTL_DAYS: variable({
    schema: integer(0),
    default: '90',
    expected: 'a non-negative integer (days; 0 keeps entries forever)',
    description:
      "How long a translated segment (or an editor's wording of one) is remembered in Redis, so it is never sent to a model twice.",
  }),
  PUBLISH_POLICY: variable({
    schema: z.enum(['flag', 'hold']),
    default: 'hold',
    expected: 'flag or hold',
    description:
      "What happens to a machine translation whose markup the translator had to repair (a link, emphasis, an image or a protected term the model lost or moved, put back): flag publishes it and shows the repair as the version's reason, hold keeps it for an editor's review like any flagged draft. A draft that lost something it could not repair is never published, whatever this says.",
  }),
  GLOSSARY: variable({
    schema: z.string().min(1),
    expected: 'the path of a JSON glossary',
    description:
      'JSON file of terms never translated (names, brands) or always translated one way per language pair; it fills the glossary (edited through /v1/glossary) at API start while nobody has changed it.',
  }),
  SITE_CONFIG: variable({
    schema: z.string().min(1),
    expected: 'the path of a JSON file of site settings',
    description:
      'JSON file of the site settings at once: {"name", "logoUrl", "description", "accentColor", "footer"}, each text either one string or an object per language; a SITE_* variable wins over the file.',
  }),
  SITE_NAME: variable({
    schema: siteSettingSchemas.localized,
    expected:
      'text, or a JSON object of text per language such as {"en":"Kyiv Ledger","uk":"Київський вісник"}',
    description:
      "The newsroom's name, shown on every page, in feeds and in the OPML list; unset, the name in SITE_CONFIG, else Tidings.",
  }),
  SITE_LOGO_URL: variable({
    schema: siteSettingSchemas.logoUrl,
    expected: 'an https:// URL or a path on this site starting with /',
    description:
      'Logo shown beside the name in the header of every page and in feeds (RSS shows a GIF, JPEG or PNG logo only; Atom and JSON Feed any); unset, no logo.',
  }),
  SITE_DESCRIPTION: variable({
    schema: siteSettingSchemas.localized,
    expected: 'text, or a JSON object of text per language',
    description:
      'What the site is, for feeds and for the description search engines show; unset, "Latest articles in <language>".',
  }),
  SITE_ACCENT_COLOR: variable({
    schema: siteSettingSchemas.accentColor,
    expected: 'a hex colour such as #0b5cad',
    description:
      "The site's accent colour (links, the header rule, the favicon); unset, the one in SITE_CONFIG, else #0b5cad.",
  }),
  SITE_FOOTER: variable({
    schema: siteSettingSchemas.localized,
    expected: 'text, or a JSON object of text per language',
    description:
      'A line of plain text at the foot of every page (an imprint, a copyright); unset, none.',
  }),
  DESK_SESSION_TTL: variable({
    schema: duration,
    default: '8h',
    expected: 'a duration from 1m to 30d such as 45m, 8h or 7d (or a number of seconds)',
    description:
      'How long an editor stays signed in to the desk (/desk/) after signing in; the session also ends at once when its API key is revoked.',
  }),
  DESK_SESSION_SECRET: variable({
    schema: z.string().min(32),
    expected: 'at least 32 characters of random text (openssl rand -base64 48)',
    description:
      "Secret that signs the desk's session cookies; unset, a random one per API process, so desk sessions end when the API restarts and work with one API instance only. Set the same value on every API instance.",
  }),
} as const;

/** Name of an environment variable Tidings reads. */
export type ConfigVariableName = keyof typeof CONFIG_VARIABLES;
