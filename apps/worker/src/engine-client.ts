import { type ChildProcess, fork } from 'node:child_process';
import type { ArticleContent, FailureReasonData, LanguageCode, Logger } from '@tidings/core';
import type { TargetTranslation, TranslateOptions } from '@tidings/translator';
import type {
  CancelRequest,
  EngineError,
  EngineMessage,
  TranslateRequest,
} from './engine-protocol.ts';
import type { ArticleTranslator } from './translate-processor.ts';

interface Pending {
  readonly resolve: (results: Map<LanguageCode, TargetTranslation>) => void;
  readonly reject: (error: Error) => void;
  readonly progress: ((progress: { done: number; total: number }) => void) | undefined;
}

/** An engine's error, rebuilt on this side with its name and whether a retry can help. */
export class EngineTranslationError extends Error {
  readonly unrecoverable: boolean;
  /** Why, as a code and its fields, as the engine said it. */
  readonly failure: FailureReasonData | undefined;

  constructor(error: EngineError) {
    super(error.message);
    this.name = error.name;
    this.unrecoverable = error.unrecoverable;
    this.failure = error.failure;
  }
}

/**
 * The worker's side of the translation engine (`translation-engine.ts`): starts the engine
 * process, hands it each job's article and gives back its translation, so the processor sees
 * an ordinary {@link ArticleTranslator}. An engine that dies fails the translations in hand
 * (retryably: their jobs go back to the queue) and is started again for the next one.
 *
 * @example
 * const engine = new EngineClient(new URL('./translation-engine.ts', import.meta.url), logger);
 * new Worker(TRANSLATE_QUEUE, translateProcessor(engine, results, logger, () => engine.takeModelLoads()), opts);
 */
export class EngineClient implements ArticleTranslator {
  readonly #entry: URL;
  readonly #logger: Logger;
  readonly #args: readonly string[];
  readonly #pending = new Map<number, Pending>();
  readonly #loads: { model: string; ms: number }[] = [];
  #models: readonly string[] = [];
  #child: ChildProcess | undefined;
  #next = 0;
  #closing = false;
  #started: (() => void) | undefined;
  /**
   * Settles when the first engine is ready for jobs (its models preloaded, PRELOAD_MODELS), or
   * has exited trying: the worker takes no job before.
   */
  readonly ready: Promise<void>;

  /** `args`: the engine's command-line arguments (a benchmark's options, `engineArgs`). */
  constructor(entry: URL, logger: Logger, args: readonly string[] = []) {
    this.#entry = entry;
    this.#args = args;
    this.#logger = logger;
    this.ready = new Promise((resolve) => {
      this.#started = resolve;
    });
  }

  /** The engine's pid, once started. */
  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** The models the engine has loaded, as it last said. */
  get models(): readonly string[] {
    return this.#models;
  }

  /** Starts the engine now rather than with the first job, so it loads while the queue fills. */
  start(): void {
    this.#engine();
  }

  translateArticle(
    content: ArticleContent,
    source: LanguageCode,
    targets: readonly LanguageCode[],
    options: TranslateOptions = {},
  ): Promise<Map<LanguageCode, TargetTranslation>> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const child = this.#engine();
    const id = ++this.#next;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, progress: options.progress });
      const request: TranslateRequest = { type: 'translate', id, content, source, targets };
      child.send(request, (error) => {
        if (error) this.#settle(id, (p) => p.reject(error));
      });
      // Withdrawn (its job's lock is lost): answer at once, and let the engine drop it if it
      // has not started on it.
      signal?.addEventListener(
        'abort',
        () => {
          if (!this.#pending.has(id)) return;
          this.#settle(id, (p) => p.reject(signal.reason));
          if (child.connected) child.send({ type: 'cancel', id } satisfies CancelRequest);
        },
        { once: true },
      );
    });
  }

  /** Model loads since the last call, reported with the next result. */
  takeModelLoads(): { model: string; ms: number }[] {
    return this.#loads.splice(0);
  }

  /** Stops the engine (after the worker has finished its jobs in hand). */
  async close(): Promise<void> {
    this.#closing = true;
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    if (child.connected) child.send({ type: 'stop' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  #engine(): ChildProcess {
    if (this.#child) return this.#child;
    // The engine is TypeScript, run as the worker is: through tsx (added when not inherited).
    const tsx = process.execArgv.some((a) => a.includes('tsx'));
    const child = fork(this.#entry, [...this.#args], {
      execArgv: tsx ? process.execArgv : [...process.execArgv, '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.#child = child;
    child.on('message', (message: EngineMessage) => this.#receive(message));
    child.on('error', (error) => this.#logger.warn({ err: error }, 'translation engine error'));
    child.once('exit', (code, signal) => {
      this.#child = undefined;
      this.#started?.();
      if (!this.#closing)
        this.#logger.warn(
          { code, signal },
          'translation engine exited; it restarts with the next job',
        );
      const exit = signal ?? `code ${code}`;
      // Retryable: the job goes back to the queue, and its last attempt reports the exit.
      const error = new EngineTranslationError({
        name: 'Error',
        message: `the translation engine exited (${exit})`,
        unrecoverable: false,
        failure: { code: 'engine-exited', exit },
      });
      for (const id of [...this.#pending.keys()]) this.#settle(id, (p) => p.reject(error));
    });
    return child;
  }

  #receive(message: EngineMessage): void {
    switch (message.type) {
      case 'ready':
        this.#logger.debug('translation engine ready');
        this.#started?.();
        return;
      case 'load':
        this.#loads.push({ model: message.model, ms: message.ms });
        return;
      case 'models':
        this.#models = message.models;
        return;
      case 'progress':
        this.#pending.get(message.id)?.progress?.({ done: message.done, total: message.total });
        return;
      case 'done':
        this.#settle(message.id, (p) => p.resolve(new Map(message.results)));
        return;
      case 'failed':
        this.#settle(message.id, (p) => p.reject(new EngineTranslationError(message.error)));
        return;
    }
  }

  #settle(id: number, settle: (pending: Pending) => void): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    settle(pending);
  }
}
