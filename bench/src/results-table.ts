import { mkdir, writeFile } from 'node:fs/promises';
import type { BenchRow } from './bench-row.ts';

const RESULTS = new URL('../results/', import.meta.url);

function format(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(3);
}

/**
 * Renders rows as one fixed-width text table: section, figure, value, unit, target, note.
 *
 * @example
 * process.stdout.write(resultsTable(rows));
 */
export function resultsTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) => [
    r.section,
    r.name,
    format(r.value),
    r.unit,
    r.target ? `${r.target.op} ${r.target.value} ${r.target.met ? 'met' : 'MISSED'}` : '',
    r.note ?? '',
  ]);
  const header = ['section', 'figure', 'value', 'unit', 'target', 'note'];
  const widths = header.map((h, i) =>
    Math.min(i === 5 ? 200 : 60, Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length))),
  );
  const line = (c: string[]) =>
    c.map((x, i) => (i === 2 ? x.padStart(widths[i] ?? 0) : x.padEnd(widths[i] ?? 0))).join('  ');
  return `${[line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n')}\n`;
}

/**
 * Writes the rows as JSON to `bench/results/<timestamp>.json` and `latest.json`; returns the
 * timestamped path.
 *
 * @example
 * await writeResults(rows, { machine });
 */
export async function writeResults(
  rows: readonly BenchRow[],
  meta: Record<string, unknown>,
): Promise<string> {
  await mkdir(RESULTS, { recursive: true });
  const json = `${JSON.stringify({ ...meta, rows }, null, 2)}\n`;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = new URL(`${stamp}.json`, RESULTS);
  await writeFile(file, json);
  await writeFile(new URL('latest.json', RESULTS), json);
  return file.pathname;
}
