/** Median of a list of numbers (NaN when empty). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Options of {@link measure}. */
export interface MeasureOptions {
  /** Timed runs after the warm-up; default 3. */
  readonly runs?: number;
  /** A cheaper call run once before timing (to load sessions and allocators); default: `fn` itself. */
  readonly warmUp?: () => Promise<unknown>;
}

/**
 * Runs `fn` once to warm up, then `runs` times, and returns the median wall time in seconds.
 *
 * @example
 * const seconds = await measure(() => translate(batch), { runs: 3 });
 */
export async function measure(
  fn: () => Promise<unknown>,
  options: MeasureOptions = {},
): Promise<number> {
  await (options.warmUp ?? fn)();
  const times: number[] = [];
  for (let r = 0; r < (options.runs ?? 3); r++) {
    const started = performance.now();
    await fn();
    times.push((performance.now() - started) / 1000);
  }
  return median(times);
}
