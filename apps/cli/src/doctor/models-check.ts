import { CliError } from '../cli-error.ts';
import {
  type AvailabilityConfig,
  modelAvailability,
  unavailableFixes,
} from '../models/model-availability.ts';
import { formatBytes } from '../output/format-units.ts';
import type { Check } from './check.ts';

const list = (items: readonly string[]) =>
  `${items.slice(0, 6).join(' ')}${items.length > 6 ? ' …' : ''}`;

/**
 * Checks that the model map is valid and that every direction has a usable model: a
 * direction whose model is neither in MODELS_DIR nor downloadable (no network, a hub without
 * it, ALLOW_REMOTE_MODELS=false) fails; one that will download on first use warns.
 *
 * @example
 * await modelsCheck(config);
 */
export async function modelsCheck(config: AvailabilityConfig): Promise<Check> {
  let report: Awaited<ReturnType<typeof modelAvailability>>;
  try {
    report = await modelAvailability(config);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return {
      name: 'Models',
      status: 'fail',
      detail: error.message,
      fix: 'correct the MODEL_MAP file',
    };
  }
  const directions = (state: string) =>
    report.directions.filter((d) => d.state === state).map((d) => d.direction);
  const unavailable = directions('unavailable');
  const download = directions('download');
  const total = report.directions.length;
  if (unavailable.length > 0) {
    const reasons = [
      ...new Set(
        report.models.filter((m) => m.availability === 'unavailable').map((m) => m.reason),
      ),
    ];
    return {
      name: 'Models',
      status: 'fail',
      detail: `${unavailable.length} of ${total} directions have no usable model (${list(unavailable)}): ${reasons.join('; ')}`,
      fix: unavailableFixes(report).join('; for the others: '),
    };
  }
  if (download.length > 0) {
    const fetched = report.models.filter((m) => m.availability === 'download');
    const bytes = fetched.reduce((sum, m) => sum + (m.downloadBytes ?? 0), 0);
    return {
      name: 'Models',
      status: 'warn',
      detail: `${download.length} of ${total} directions will download ${fetched.length} model${fetched.length === 1 ? '' : 's'} (${formatBytes(bytes)}) from ${report.hub} on first use (${list(download)})`,
      fix: '`tidings models pull` fetches them now, so the first articles do not wait',
    };
  }
  return {
    name: 'Models',
    status: 'ok',
    detail: `all ${report.models.length} models the model map needs are in ${report.modelsDir} (${total} directions)`,
  };
}
