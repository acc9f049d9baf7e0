import { createHash } from 'node:crypto';

/**
 * Results of an expensive text function (sanitizing, excerpting) on large inputs, kept by the
 * SHA-256 of the input and its options so that the same large body is worked on once, not on
 * every page view or feed render. Hashing 200,000 characters takes well under a millisecond;
 * sanitizing them takes a few hundred. Bounded by the characters it keeps: the least recently
 * used result goes first.
 *
 * @example
 * const memo = new LargeTextMemo(8_000_000);
 * memo.get(['page', html], () => sanitize(html)); // computed
 * memo.get(['page', html], () => sanitize(html)); // kept; memo.computed is still 1
 */
export class LargeTextMemo {
  readonly #kept = new Map<string, string>();
  readonly #maxChars: number;
  #chars = 0;
  #computed = 0;

  constructor(maxChars: number) {
    this.#maxChars = maxChars;
  }

  /** How many results were computed rather than found. */
  get computed(): number {
    return this.#computed;
  }

  /** The result for `parts` (the input and whatever else it depends on), computed once. */
  get(parts: readonly string[], compute: () => string): string {
    const key = keyOf(parts);
    const kept = this.#kept.get(key);
    if (kept !== undefined) {
      this.#kept.delete(key);
      this.#kept.set(key, kept);
      return kept;
    }
    this.#computed++;
    const result = compute();
    this.#keep(key, result);
    return result;
  }

  /** Whether the result for `parts` is kept (a later {@link LargeTextMemo.get} computes nothing). */
  has(parts: readonly string[]): boolean {
    return this.#kept.has(keyOf(parts));
  }

  /**
   * Keeps a result for `parts` computed elsewhere, by the same function (the API's
   * sanitizing thread), so that the next {@link LargeTextMemo.get} here finds it.
   */
  keep(parts: readonly string[], result: string): void {
    const key = keyOf(parts);
    const kept = this.#kept.get(key);
    if (kept !== undefined) {
      this.#kept.delete(key);
      this.#chars -= kept.length;
    }
    this.#keep(key, result);
  }

  #keep(key: string, result: string): void {
    if (result.length > this.#maxChars) return;
    this.#kept.set(key, result);
    this.#chars += result.length;
    for (const [oldest, value] of this.#kept) {
      if (this.#chars <= this.#maxChars) break;
      this.#kept.delete(oldest);
      this.#chars -= value.length;
    }
  }
}

function keyOf(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('base64url');
}
