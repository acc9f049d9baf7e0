import type { ArticleContent, FailureReasonData, LanguageCode } from '@tidings/core';
import type { TargetTranslation } from '@tidings/translator';

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
