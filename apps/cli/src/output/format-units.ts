/**
 * A duration for people: `850 ms`, `12.4 s`, `3 min 5 s`.
 *
 * @example
 * formatDuration(12_400); // '12.4 s'
 */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms - minutes * 60_000) / 1_000)} s`;
}

/**
 * A size for people, in powers of 1024: `512 B`, `1.5 KB`, `298.5 MB`.
 *
 * @example
 * formatBytes(1_572_864); // '1.5 MB'
 */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} ${units[0]}` : `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * Milliseconds between two ISO timestamps, or `undefined` when either is missing.
 *
 * @example
 * between('2026-01-01T00:00:00Z', '2026-01-01T00:00:02Z'); // 2000
 */
export function between(from: string | null, to: string | null): number | undefined {
  if (!from || !to) return undefined;
  return Date.parse(to) - Date.parse(from);
}
