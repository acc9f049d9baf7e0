import { type ChildProcess, fork } from 'node:child_process';
import { type BenchRow, ratioRow } from './bench-row.ts';
import { newsCorpus } from './corpus.ts';
import { median } from './measure.ts';
import { spread } from './translator-throughput.ts';

const CHILD = new URL('./scaling-child.ts', import.meta.url);

function start(threads: number, sentences: string[], newTokens: number): Promise<ChildProcess> {
  const child = fork(CHILD, [String(threads), String(newTokens)], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_SENTENCES: JSON.stringify(sentences) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`scaling child exited with ${code}`)));
  });
}

interface RoundResult {
  readonly seconds: number;
  readonly cpuSeconds: number;
}

function round(child: ChildProcess): Promise<RoundResult> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as RoundResult));
    child.send('go');
  });
}

interface Config {
  readonly label: string;
  readonly threads: number;
  readonly shares: string[][];
  children: ChildProcess[];
  readonly walls: number[];
  readonly cores: number[];
}

/**
 * Worker scaling on this machine: aggregate target tokens/s of one translator process with
 * ORT_THREADS=1, of one with ORT_THREADS=2 doing the work of two, and of two processes with
 * ORT_THREADS=1 each running at the same time (real child processes, each with its own copy of
 * the Opus-MT-sized model fp32, the translator's batching, a fixed number of new tokens).
 *
 * @example
 * const rows = await workerScaling({ sentences: 48, newTokens: 12, runs: 3 }, console.log);
 */
export async function workerScaling(
  options: { sentences: number; newTokens: number; runs: number },
  progress: (line: string) => void,
): Promise<BenchRow[]> {
  const sample = spread(newsCorpus(300), options.sentences);
  const halves = [sample.filter((_, i) => i % 2 === 0), sample.filter((_, i) => i % 2 === 1)];
  const { newTokens: n, runs } = options;
  const half = halves[0] ?? [];
  const configs: Config[] = [
    {
      label: 'one process, 1 thread',
      threads: 1,
      shares: [half],
      children: [],
      walls: [],
      cores: [],
    },
    {
      label: 'one process, 2 threads',
      threads: 2,
      shares: [sample],
      children: [],
      walls: [],
      cores: [],
    },
    {
      label: 'two processes, 1 thread each',
      threads: 1,
      shares: halves,
      children: [],
      walls: [],
      cores: [],
    },
  ];
  for (const c of configs)
    c.children = await Promise.all(c.shares.map((s) => start(c.threads, s, n)));
  // Interleaved rounds, the order rotated, so the load of a shared machine falls on every
  // configuration alike; CPU seconds over wall time tell how many cores each really got.
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < configs.length; i++) {
      const c = configs[(i + r) % configs.length] as Config;
      const started = performance.now();
      const results = await Promise.all(c.children.map(round));
      const wall = (performance.now() - started) / 1000;
      c.walls.push(wall);
      c.cores.push(results.reduce((sum, x) => sum + x.cpuSeconds, 0) / wall);
    }
    progress(`  scaling round ${r + 1}/${runs} done`);
  }
  for (const c of configs) for (const child of c.children) child.send('stop');
  const rate = (c: Config) => c.shares.reduce((sum, s) => sum + s.length * n, 0) / median(c.walls);
  const [one1, one2, two1] = configs.map(rate) as [number, number, number];
  const cores = configs.map((c) => median(c.cores).toFixed(2));
  for (const [i, c] of configs.entries()) {
    progress(`  scaling: ${c.label}: ${rate(c).toFixed(1)} tokens/s, ${cores[i]} cores busy`);
  }
  const section = 'workers';
  const note = `${halves[0]?.length ?? 0} sentences per single-thread process, ${n} new tokens each`;
  return [
    {
      section,
      name: 'one process, ORT_THREADS=1',
      value: one1,
      unit: 'tokens/s',
      note: `${note}; ${cores[0]} cores busy`,
    },
    {
      section,
      name: 'one process, ORT_THREADS=2',
      value: one2,
      unit: 'tokens/s',
      note: `${sample.length} sentences; ${cores[1]} cores busy`,
    },
    {
      section,
      name: 'two processes, ORT_THREADS=1 each',
      value: two1,
      unit: 'tokens/s',
      note: `aggregate; ${cores[2]} cores busy`,
    },
    ratioRow(section, 'two 1-thread / one 1-thread', two1 / one1, { op: '>=', value: 1.6 }),
    ratioRow(section, 'two 1-thread / one 2-thread', two1 / one2),
  ];
}
