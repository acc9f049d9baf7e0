import { fork } from 'node:child_process';
import type { BenchRow } from './bench-row.ts';

const CHILD = new URL('./memory-child.ts', import.meta.url);

function child(kind: string): Promise<{ models: number; rssMiB: number }[]> {
  return new Promise((resolve, reject) => {
    const process_ = fork(CHILD, [kind], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    process_.once('message', (m) => resolve(m as { models: number; rssMiB: number }[]));
    process_.once('exit', (code) => reject(new Error(`memory child ${kind} exited with ${code}`)));
  });
}

/**
 * Resident memory of a translator process (what the worker's translation engine runs: Node, tsx, the
 * translator) with no model, then one, three and five dictionary test models loaded (small:
 * they count the per-model overhead of ONNX Runtime sessions and tokenizers, not weights), and
 * with the Opus-MT-sized en→es in fp32 and in int8 (the only Opus-sized model there is), and
 * with every model the 30 directions of the six languages need preloaded, in fp32 and in int8.
 *
 * @example
 * const rows = await workerMemory(console.log);
 */
export async function workerMemory(progress: (line: string) => void): Promise<BenchRow[]> {
  const section = 'memory';
  const rows: BenchRow[] = [];
  const dictionary = await child('dictionary');
  for (const { models, rssMiB } of dictionary) {
    rows.push({
      section,
      name: `worker RSS, ${models} dictionary model${models === 1 ? '' : 's'}`,
      value: rssMiB,
      unit: 'MiB',
      note: models ? '' : 'translator made, nothing loaded',
    });
  }
  for (const kind of ['opus-fp32', 'opus-q8']) {
    const [, loaded] = await child(kind);
    rows.push({
      section,
      name: `worker RSS, Opus-MT-sized en→es ${kind.slice(5)}`,
      value: loaded?.rssMiB ?? Number.NaN,
      unit: 'MiB',
      note: 'one model; d_model 512, 6+6 layers, vocab 58,101',
    });
  }
  for (const kind of ['served-fp32', 'served-q8']) {
    const [, loaded] = await child(kind);
    rows.push({
      section,
      name: `worker RSS, every direction's model loaded, ${kind.slice(7)}`,
      value: loaded?.rssMiB ?? Number.NaN,
      unit: 'MiB',
      note: `${loaded?.models ?? 0} dictionary models (30 directions, PRELOAD_MODELS=served): per-model overhead, tiny weights`,
    });
  }
  progress(
    `  memory: ${rows.map((r) => `${r.name.replace('worker RSS, ', '')} ${r.value.toFixed(0)} MiB`).join('; ')}`,
  );
  return rows;
}
