import type { WorkerStatus } from '@tidings/queue';
import type { Command } from 'commander';
import { formatDuration } from '../output/format-units.ts';
import { renderTable } from '../output/render-table.ts';
import { type ApiOptions, apiClient, printJson, withApiOptions } from './api-options.ts';

/** What `GET /v1/workers` answers. */
export interface WorkersView {
  readonly alive: number;
  readonly silent: number;
  readonly workers: readonly WorkerStatus[];
}

/**
 * The workers as a table, and under each silent one the jobs it held when it fell silent
 * (another worker takes them over once their locks run out).
 *
 * @example
 * process.stdout.write(workersTable(view));
 */
export function workersTable(view: WorkersView): string {
  if (view.workers.length === 0) {
    return 'No worker has been heard from in the last hour: start one with `npm run worker` or `tidings worker`.\n';
  }
  const rows = view.workers.map((w) => [
    w.id,
    w.state,
    `${formatDuration(w.lastSeenAgoMs)} ago`,
    w.version,
    `${w.jobs.length}/${w.concurrency}`,
    w.models.length === 0 ? '—' : w.models.join(', '),
  ]);
  const table = renderTable(['WORKER', 'STATE', 'LAST HEARD', 'VERSION', 'JOBS', 'MODELS'], rows);
  const held = view.workers
    .filter((w) => w.state === 'silent' && w.jobs.length > 0)
    .map(
      (w) =>
        `${w.id} went silent holding: ${w.jobs.map((j) => `${j.id} (article ${j.articleId}, ${j.language})`).join(', ')}`,
    );
  const summary = `${view.alive} alive, ${view.silent} silent`;
  return `${[table, '', summary, ...held].join('\n')}\n`;
}

/**
 * `tidings workers`: every worker heard from in the last hour, alive or silent (needs an admin
 * key).
 *
 * @example
 * registerWorkers(program);
 */
export function registerWorkers(program: Command): void {
  withApiOptions(
    program
      .command('workers')
      .description(
        'List the workers, alive or silent, with the jobs they hold (needs an admin key)',
      ),
  ).action(async (options: ApiOptions) => {
    const { api } = apiClient(options);
    const { body } = await api.request<WorkersView>('GET', '/v1/workers');
    if (options.json) return printJson(body);
    process.stdout.write(workersTable(body));
  });
}
