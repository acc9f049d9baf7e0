import { formatBytes } from '../output/format-units.ts';
import { type AvailabilityReport, unavailableFixes } from './model-availability.ts';

/**
 * The block `npm start` and `tidings models check` print: the directions whose models are
 * present, those that will download (which models, how large), and those that cannot be
 * translated at all, with the reason and the fix.
 *
 * @example
 * availabilityBlock(await modelAvailability(config));
 * // 'models (MODELS_DIR /srv/models, built-in model map): 30 directions\n  ✓ present: …'
 */
export function availabilityBlock(report: AvailabilityReport): string {
  const of = (state: string) => report.directions.filter((d) => d.state === state);
  const names = (list: readonly { direction: string }[]) => list.map((d) => d.direction).join(' ');
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const present = of('present');
  const download = of('download');
  const unavailable = of('unavailable');
  const lines = [
    `models (MODELS_DIR ${report.modelsDir}, ${report.modelMap === 'demo' ? 'demo models (MODELS=demo)' : report.modelMap ? `model map ${report.modelMap}` : 'built-in model map'}): ${count(report.directions.length, 'direction')}`,
  ];
  if (present.length > 0) {
    lines.push(`  ✓ present: ${count(present.length, 'direction')} (${names(present)})`);
  }
  if (download.length > 0) {
    const fetched = report.models.filter((m) => m.availability === 'download');
    const bytes = fetched.reduce((sum, m) => sum + (m.downloadBytes ?? 0), 0);
    lines.push(
      `  ↓ will download on first use from ${report.hub}: ${count(download.length, 'direction')} (${names(download)}), ${count(fetched.length, 'model')}, ${formatBytes(bytes)}: ${fetched
        .map((m) => `${m.id} ${formatBytes(m.downloadBytes ?? 0)}`)
        .join(', ')}`,
      '      (`tidings models pull` fetches them now)',
    );
  }
  if (unavailable.length > 0) {
    const reasons = [
      ...new Set(
        report.models
          .filter((m) => m.availability === 'unavailable')
          .map((m) => (m.reason === report.hubProblem ? m.reason : `${m.id}: ${m.reason}`)),
      ),
    ];
    lines.push(
      `  ✗ unavailable: ${count(unavailable.length, 'direction')} (${names(unavailable)}): ${reasons.join('; ')}`,
      ...unavailableFixes(report).map((fix) => `      fix: ${fix}`),
    );
  }
  return lines.join('\n');
}
