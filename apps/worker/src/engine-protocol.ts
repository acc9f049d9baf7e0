import type { ArticleContent, FailureReasonData, LanguageCode } from '@tidings/core';
import type { TargetTranslation } from '@tidings/translator';

// How a worker and its translation engine (a child process it forks) talk: the command line the
// worker starts the engine with (benchmark options, and only those), then messages over the IPC
// channel, each way.

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

/** Worker → engine: translate one article (one job) into `targets`. */
export interface TranslateRequest {
  readonly type: 'translate';
  readonly id: number;
  readonly content: ArticleContent;
  readonly source: LanguageCode;
  readonly targets: readonly LanguageCode[];
}

/** Worker → engine: the job of request `id` is no longer this worker's; drop it if it waits. */
export interface CancelRequest {
  readonly type: 'cancel';
  readonly id: number;
}

/** An error as it crosses the process boundary: what a retry decision needs. */
export interface EngineError {
  readonly name: string;
  readonly message: string;
  /** True when no retry can help (a missing model, bad input). */
  readonly unrecoverable: boolean;
  /** Why, as a code and its fields (absent from engines older than this field). */
  readonly failure?: FailureReasonData | undefined;
}

/** Engine → worker. */
export type EngineMessage =
  | { readonly type: 'ready' }
  | {
      readonly type: 'progress';
      readonly id: number;
      readonly done: number;
      readonly total: number;
    }
  | {
      readonly type: 'done';
      readonly id: number;
      readonly results: readonly [LanguageCode, TargetTranslation][];
    }
  | { readonly type: 'failed'; readonly id: number; readonly error: EngineError }
  | { readonly type: 'load'; readonly model: string; readonly ms: number }
  /** The models loaded now (after a load or an unload), for the worker's heartbeat. */
  | { readonly type: 'models'; readonly models: readonly string[] };

/**
 * Sends a message to this process's parent while it still listens. A parent killed with
 * SIGKILL closes the channel under a send in flight; that EPIPE is the end of this process,
 * not an error to print, so it leaves quietly (the orphan guard would end it anyway).
 * Without the callback, Node would raise the EPIPE as an unhandled 'error' and print its
 * stack trace, whatever LOG_FORMAT says.
 *
 * @example
 * sendToParent({ type: 'ready' });
 */
export function sendToParent(message: unknown): void {
  if (!process.connected) return;
  process.send?.(message, undefined, undefined, (error: Error | null) => {
    if (error) process.exit(0);
  });
}
