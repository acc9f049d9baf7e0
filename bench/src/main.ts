/**
 * `npm run bench`: every benchmark of Tidings in one go, a progress line as each figure comes
 * in, one table at the end, and the figures as JSON in bench/results/ (a timestamped file and
 * latest.json). Options (`--help` lists them): `--only` with the section names of SECTIONS,
 * `--runs N`, `--sentences N`, `--tokens N`, `--seconds N` (HTTP load per run), `--threads N`.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { apiMemory } from './api-memory.ts';
import { articleGrowth } from './article-growth.ts';
import type { BenchRow } from './bench-row.ts';
import { coldStart } from './cold-start.ts';
import { deepMarkup } from './deep-markup.ts';
import { feedLatency } from './feed-latency.ts';
import { gemmCeiling } from './gemm-ceiling.ts';
import { httpIntake } from './http-intake.ts';
import { languageFanOut } from './language-fan-out.ts';
import { modelUtilization } from './model-utilization.ts';
import { postBreakdown } from './post-breakdown.ts';
import { raggedThroughput } from './ragged-throughput.ts';
import { resultsTable, writeResults } from './results-table.ts';
import { revisionCost } from './revision-cost.ts';
import { testSetEval } from './test-set-eval.ts';
import { timeToPublish } from './time-to-publish.ts';
import { type ThroughputFigures, translatorThroughput } from './translator-throughput.ts';
import { workerMemory } from './worker-memory.ts';
import { workerScaling } from './worker-scaling.ts';

const SECTIONS =
  'translator,ragged,gemm,growth,workers,cold-start,publish,memory,api-memory,fan-out,revision,eval,http,feed,deep';
const USAGE = `Usage: npm run bench -- [--only SECTIONS] [--runs N] [--sentences N] [--tokens N] [--seconds N] [--threads N]
  --only      comma-separated sections (default: all): ${SECTIONS}
  --runs      runs per figure (3)          --sentences  sentences per throughput run (300)
  --tokens    new tokens per sentence (12)  --seconds    HTTP load per run, in seconds (5)
  --threads   ONNX Runtime threads (2)
Example: npm run bench -- --only deep`;

const args = (() => {
  try {
    return parseArgs({
      options: {
        only: { type: 'string', default: SECTIONS },
        runs: { type: 'string', default: '3' },
        sentences: { type: 'string', default: '300' },
        tokens: { type: 'string', default: '12' },
        seconds: { type: 'string', default: '5' },
        threads: { type: 'string', default: '2' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
})();
if (args.values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const { values } = args;
const only = new Set(values.only.split(','));
const runs = Number(values.runs);
const newTokens = Number(values.tokens);
const threads = Number(values.threads);
const seconds = Number(values.seconds);
const batchTokens = 4096;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// The HTTP section measures on PostgreSQL too, in a schema of its own, when this answers.
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const began = performance.now();
const progress = (line: string) =>
  process.stderr.write(
    `[${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}\n`,
  );
const rows: BenchRow[] = [];
const load = loadavg();

async function step(name: string, run: () => Promise<BenchRow[]>): Promise<void> {
  if (!only.has(name)) return;
  progress(`${name}…`);
  try {
    rows.push(...(await run()));
  } catch (error) {
    progress(`${name} failed: ${(error as Error).stack ?? error}`);
    rows.push({
      section: name,
      name: 'failed',
      value: Number.NaN,
      unit: '',
      note: (error as Error).message.slice(0, 160),
    });
  }
}

// The Opus-MT-sized benchmarks come first, the machine's ceiling right after the rates it bounds.
let throughput: ThroughputFigures | undefined;
await step('translator', async () => {
  throughput = await translatorThroughput(
    { sentences: Number(values.sentences), perSentence: 16, newTokens, runs, threads, batchTokens },
    progress,
  );
  return throughput.rows;
});
await step('ragged', () =>
  raggedThroughput({ sentences: Number(values.sentences), runs, threads, batchTokens }, progress),
);
await step('gemm', async () => {
  const largest = Math.max(1, ...(throughput?.batchRows ?? [64]));
  const { rates, rows: gemmRows } = await gemmCeiling(
    [1, largest, 256],
    { threads, runs: Math.max(3, runs) },
    progress,
  );
  // One thread at the same batch: what a second ORT thread adds to the products alone.
  const single = await gemmCeiling([largest], { threads: 1, runs: Math.max(3, runs) }, progress);
  gemmRows.push(...single.rows);
  if (!throughput) return gemmRows;
  return [
    ...gemmRows,
    ...modelUtilization(throughput.rates, rates, {
      rows: largest,
      sourceTokens: throughput.sourceTokens,
      newTokens,
    }),
  ];
});
await step('growth', () =>
  articleGrowth({ words: [100, 1000, 5000], newTokens, runs, threads, batchTokens }, progress),
);
await step('workers', () => workerScaling({ sentences: 120, newTokens, runs }, progress));
await step('cold-start', () => coldStart({ runs, threads, newTokens }, progress));
await step('publish', () =>
  timeToPublish({ runs, threads, newTokens, burst: 20, redisUrl }, progress),
);
await step('memory', () => workerMemory(progress));
await step('api-memory', () => apiMemory({ redisUrl, databaseUrl }, progress));
await step('fan-out', () => languageFanOut({ runs: Math.max(5, runs) }, progress));
await step('revision', () => revisionCost({ runs: Math.max(5, runs), redisUrl }, progress));
await step('eval', () => testSetEval({ threads }, progress));
await step('http', async () => [
  ...(await httpIntake({ seconds, connections: 10, databaseUrl }, progress)),
  ...(await postBreakdown({ requests: 50, uniqueTitles: true }, progress)),
]);
await step('feed', () => feedLatency({ seconds, connections: 10 }, progress));
await step('deep', () => deepMarkup({ runs: Math.max(3, runs) }, progress));

const total = (performance.now() - began) / 1000;
const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  loadAverageAtStart: load,
  loadAverageAtEnd: loadavg(),
  node: process.version,
};
process.stdout.write(
  `\nTidings bench, ${new Date().toISOString()}, ${machine.cpus} CPUs (${machine.cpu}), load ${load.map((l) => l.toFixed(1)).join(' ')} at start; ${total.toFixed(0)} s\n`,
);
process.stdout.write(
  'Shared machine: absolute figures are noisy; ratios are measured in the same run.\n\n',
);
process.stdout.write(resultsTable(rows));
const file = await writeResults(rows, {
  startedAt: new Date(Date.now() - total * 1000).toISOString(),
  seconds: total,
  machine,
  options: values,
});
process.stdout.write(`\nresults: ${file} and bench/results/latest.json\n`);
process.exit(0);
