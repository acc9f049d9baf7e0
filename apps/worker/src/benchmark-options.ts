/**
 * What a benchmark may change in a worker, and only a benchmark: passed to `startWorker` by a
 * program that calls it (bench/src/publish-worker.ts), then to the translation engine as its
 * command-line arguments. No environment variable reaches it: `main.ts` calls `startWorker`
 * with the configuration alone, and the engine reads it from its argv, which only the worker
 * sets.
 */
export interface BenchmarkOptions {
  /**
   * `false` sets the translator's quality gates aside (`TranslatorOptions.gates`): every
   * model output is published as written. For a random-weight model of real size, which
   * fails every gate.
   */
  readonly gates?: boolean | undefined;
  /** Every segment writes exactly this many tokens (`minNewTokens = maxNewTokens`). */
  readonly newTokens?: number | undefined;
}

const FLAG = '--benchmark';

/**
 * The engine's arguments that carry `options` (none when there are none).
 *
 * @example
 * engineArgs({ gates: false }); // ['--benchmark', '{"gates":false}']
 */
export function engineArgs(options: BenchmarkOptions | undefined): string[] {
  if (!options || Object.keys(options).length === 0) return [];
  return [FLAG, JSON.stringify(options)];
}

/**
 * The options the engine was started with, from its argv; `{}` (everything real) without them.
 *
 * @example
 * parseEngineArgs(process.argv.slice(2)); // {}
 */
export function parseEngineArgs(argv: readonly string[]): BenchmarkOptions {
  const at = argv.indexOf(FLAG);
  if (at < 0) return {};
  const parsed = JSON.parse(argv[at + 1] ?? '{}') as BenchmarkOptions;
  return {
    ...(parsed.gates === false ? { gates: false } : {}),
    ...(Number.isInteger(parsed.newTokens) && (parsed.newTokens ?? 0) > 0
      ? { newTokens: parsed.newTokens }
      : {}),
  };
}
