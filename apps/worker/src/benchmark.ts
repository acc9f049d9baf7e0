/**
 * What a benchmark needs to start the real worker itself (`@tidings/worker/benchmark`): its
 * start function, its configuration from the environment, and the options only a program can
 * give it (see `BenchmarkOptions`).
 */

export { loadConfig } from './config.ts';
export type { BenchmarkOptions } from './engine-protocol.ts';
export { startWorker } from './start-worker.ts';
