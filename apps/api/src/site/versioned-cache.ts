import type { LanguageCode } from '@tidings/core';

interface Slot<T> {
  readonly version: string;
  readonly value: Promise<T>;
}

/**
 * Values built from one language's listing, kept until that listing's version changes (or
 * {@link VersionedCache.invalidate} is called), so that serving a feed costs one cheap
 * version query instead of a render. Concurrent requests for a missing value share one
 * build. Bounded: the least recently used value goes first.
 *
 * @example
 * const cache = new VersionedCache<string>();
 * const body = await cache.get('uk', 'atom', version.key, () => render());
 * cache.builds; // 1, and still 1 after a second get with the same version
 */
export class VersionedCache<T> {
  readonly #slots = new Map<string, Slot<T>>();
  readonly #maxEntries: number;
  #builds = 0;

  constructor(options: { maxEntries?: number } = {}) {
    this.#maxEntries = options.maxEntries ?? 500;
  }

  /** How many values were built (cache misses), for tests and metrics. */
  get builds(): number {
    return this.#builds;
  }

  /** The value for `key` of `language` at `version`, built by `build` when not held. */
  get(language: LanguageCode, key: string, version: string, build: () => Promise<T>): Promise<T> {
    const id = `${language}\u0000${key}`;
    const slot = this.#slots.get(id);
    this.#slots.delete(id);
    if (slot && slot.version === version) {
      this.#slots.set(id, slot);
      return slot.value;
    }
    this.#builds++;
    const value = build();
    const fresh = { version, value };
    this.#slots.set(id, fresh);
    // A failed build must not be served to everyone after it.
    value.catch(() => {
      if (this.#slots.get(id) === fresh) this.#slots.delete(id);
    });
    while (this.#slots.size > this.#maxEntries) {
      const oldest = this.#slots.keys().next().value;
      if (oldest === undefined) break;
      this.#slots.delete(oldest);
    }
    return value;
  }

  /** Drops what is held for these languages (all when none are given). */
  invalidate(languages?: readonly LanguageCode[]): void {
    if (!languages) {
      this.#slots.clear();
      return;
    }
    for (const id of [...this.#slots.keys()]) {
      if (languages.some((language) => id.startsWith(`${language}\u0000`))) this.#slots.delete(id);
    }
  }
}
