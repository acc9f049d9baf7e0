import type { Redis } from 'ioredis';

/** The glossary as the API publishes it: its version and its terms, as the GLOSSARY file has them. */
export interface PublishedGlossary {
  readonly version: number;
  readonly terms: readonly unknown[];
}

const keys = (prefix: string) => ({
  version: `${prefix}:glossary:version`,
  glossary: `${prefix}:glossary`,
});

// Writes both keys when the version is newer than the one stored (or always, when forced), so a
// slow publisher of an older version never replaces a newer glossary.
const PUBLISH = `
local current = tonumber(redis.call('GET', KEYS[1]) or '-1')
if ARGV[3] == '1' or current < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[2], ARGV[2])
  redis.call('SET', KEYS[1], ARGV[1])
  return 1
end
return 0`;

/**
 * Publishes the current glossary (the API, after each change and at start) under
 * `<QUEUE_PREFIX>:glossary`, for workers to pick up before their next job. `force` replaces
 * whatever is there (at start, the store is the truth); otherwise only a newer version is written.
 *
 * @example
 * await publishGlossary(redis, 'tidings', { version: 3, terms: [{ source: 'JEF', caseSensitive: true }] });
 */
export async function publishGlossary(
  redis: Redis,
  prefix: string,
  glossary: PublishedGlossary,
  force = false,
): Promise<boolean> {
  const k = keys(prefix);
  const written = await redis.eval(
    PUBLISH,
    2,
    k.version,
    k.glossary,
    String(glossary.version),
    JSON.stringify(glossary),
    force ? '1' : '0',
  );
  return written === 1;
}

/** The published glossary's version (one GET, for a worker before each job); null when none. */
export async function publishedGlossaryVersion(
  redis: Redis,
  prefix: string,
): Promise<number | null> {
  const value = await redis.get(keys(prefix).version);
  return value === null ? null : Number(value);
}

/** The published glossary; null when none (or not readable as one). */
export async function readPublishedGlossary(
  redis: Redis,
  prefix: string,
): Promise<PublishedGlossary | null> {
  const value = await redis.get(keys(prefix).glossary);
  if (value === null) return null;
  try {
    const parsed = JSON.parse(value) as PublishedGlossary;
    return typeof parsed.version === 'number' && Array.isArray(parsed.terms) ? parsed : null;
  } catch {
    return null;
  }
}
