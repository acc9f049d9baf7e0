import { fork } from 'node:child_process';
import { type BenchRow, ratioRow } from './bench-row.ts';
import { median } from './measure.ts';

const CHILD = new URL('./cold-start-child.ts', import.meta.url);

interface StartFigures {
  /** From process start to ready for jobs (the preload, when on). */
  readonly readyMs: number;
  /** The first article after ready. */
  readonly firstMs: number;
  /** The same article again, warm (median of three). */
  readonly warmMs: number;
  readonly sentences: number;
}

function child(mode: 'preload' | 'lazy', dtype: string, threads: number, newTokens: number) {
  return new Promise<StartFigures>((resolve, reject) => {
    const process_ = fork(CHILD, [mode, dtype, String(threads), String(newTokens)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    process_.once('message', (m) => resolve(m as StartFigures));
    process_.once('exit', (code) => reject(new Error(`cold-start child exited with ${code}`)));
  });
}

/** Options of {@link coldStart}. */
export interface ColdStartOptions {
  readonly runs: number;
  readonly threads: number;
  readonly newTokens: number;
}

/**
 * Time to the first translated article after a worker-engine start over the same article warm,
 * with the model preloaded at start (PRELOAD_MODELS, the default) and without (`none`): each
 * run is a fresh process (cold ONNX Runtime, cold JIT) on the Opus-MT-sized en→es fp32, the
 * seed article through the translator's batching with a fixed number of new tokens (below the
 * gates, as the translator section). Target with preloading: ≤ 1.2.
 *
 * @example
 * const rows = await coldStart({ runs: 3, threads: 2, newTokens: 12 }, console.log);
 */
export async function coldStart(
  options: ColdStartOptions,
  progress: (line: string) => void,
): Promise<BenchRow[]> {
  const section = 'cold-start';
  const figures: Record<'preload' | 'lazy', StartFigures[]> = { preload: [], lazy: [] };
  // Alternated, so that the load of a shared machine falls on both alike.
  for (let r = 0; r < options.runs; r++) {
    for (const mode of ['preload', 'lazy'] as const) {
      figures[mode].push(await child(mode, 'fp32', options.threads, options.newTokens));
    }
    progress(`  cold start: run ${r + 1}/${options.runs} done`);
  }
  const rows: BenchRow[] = [];
  for (const mode of ['preload', 'lazy'] as const) {
    const runs = figures[mode];
    const ratio = median(runs.map((f) => f.firstMs / f.warmMs));
    const first = median(runs.map((f) => f.firstMs));
    const warm = median(runs.map((f) => f.warmMs));
    const ready = median(runs.map((f) => f.readyMs));
    const label = mode === 'preload' ? 'PRELOAD_MODELS=served' : 'PRELOAD_MODELS=none';
    rows.push(
      {
        section,
        name: `start to ready for jobs, ${label}`,
        value: ready / 1000,
        unit: 's',
        note: 'fresh process, Opus-MT-sized en→es fp32',
      },
      {
        section,
        name: `first article after ready, ${label}`,
        value: first / 1000,
        unit: 's',
        note: `seed article, ${runs[0]?.sentences ?? 0} sentences, ${options.newTokens} new tokens each; warm: ${(warm / 1000).toFixed(2)} s`,
      },
      ratioRow(
        section,
        `first article / same article warm, ${label}`,
        ratio,
        mode === 'preload' ? { op: '<=', value: 1.2 } : undefined,
        `median of ${runs.length} fresh processes`,
      ),
    );
  }
  progress(
    `  cold start: ${rows
      .filter((r) => r.unit === 'ratio')
      .map((r) => `${r.name} ${r.value.toFixed(2)}`)
      .join('; ')}`,
  );
  return rows;
}
