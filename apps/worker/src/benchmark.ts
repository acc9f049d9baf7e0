/**
 * What a benchmark needs to start the real worker itself (`@tidings/worker/benchmark`): its
 * start function, its configuration from the environment, and the options only a program can
 * give it (see `BenchmarkOptions`).
 */
export type { BenchmarkOptions } from './benchmark-options.ts';
export { loadConfig } from './config.ts';
export { startWorker } from './start-worker.ts';
