/**
 * A real worker of the publish benchmark: the worker's own `startWorker` (apps/worker), with
 * the configuration from this process's environment, as `npm run worker` starts it, and the
 * benchmark's options from argv (the only way they reach it; no environment variable does):
 * the quality gates set aside for the random-weight Opus-sized model, and a fixed number of
 * new tokens per segment, as the translator sections. Argv: the options as JSON.
 */
import { type BenchmarkOptions, loadConfig, startWorker } from '@tidings/worker/benchmark';

const options = JSON.parse(process.argv[2] ?? '{}') as BenchmarkOptions;
startWorker(loadConfig(), options);
