import { Worker } from 'node:worker_threads';
import type { ArticleContent, TextWork } from '@tidings/core';

/** What an article page shows of a body that takes work to make safe. */
export interface PageBody {
  /** The body sanitized again for the page: a page never trusts the store's writers. */
  readonly html: string;
  /** The summary, or the start of the body's text when there is none. */
  readonly description: string;
}

/** What the API asks the thread: the results of these calls, in order. */
export interface TextWorkRequest {
  readonly id: number;
  readonly work: readonly TextWork[];
}

/** What the thread answers. */
export type TextWorkReply =
  | { readonly id: number; readonly results: string[] }
  | { readonly id: number; readonly error: string };

interface Pending {
  resolve(results: string[]): void;
  reject(error: Error): void;
}

const ENTRY = new URL('./page-body-thread.ts', import.meta.url);

// The thread loads TypeScript as the API does: it registers tsx itself before its entry.
const boot = (entry: URL) => `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;

/**
 * Sanitizes and excerpts large article bodies, for pages and for feeds, on one thread of its
 * own, started on first use: the work takes a few hundred milliseconds for the largest
 * article, which on the API's own thread would hold every other request. {@link PageBodySanitizer.close} stops the thread
 * (the API does at shutdown); if it dies, the requests in hand fail and the next one starts
 * a new thread.
 *
 * @example
 * const sanitizer = new PageBodySanitizer();
 * const { html, description } = await sanitizer.sanitize({ body, summary: '' });
 * await sanitizer.close();
 */
export class PageBodySanitizer {
  readonly #entry: URL;
  #thread: { worker: Worker; pending: Map<number, Pending> } | undefined;
  #nextId = 0;

  /** `entry` is the thread's module; tests give one that fails. */
  constructor(options: { entry?: URL } = {}) {
    this.#entry = options.entry ?? ENTRY;
  }

  /** The page body of `content`, made on the thread. */
  async sanitize(content: Pick<ArticleContent, 'body' | 'summary'>): Promise<PageBody> {
    const [html = '', excerpt] = await this.run([
      { kind: 'sanitize', html: content.body, options: {} },
      ...(content.summary
        ? []
        : [{ kind: 'excerpt', html: content.body, maxLength: 200 } as const]),
    ]);
    return { html, description: content.summary || (excerpt ?? '') };
  }

  /** The results of `work` (each as `doTextWork` gives it), made on the thread. */
  run(work: readonly TextWork[]): Promise<string[]> {
    const { worker, pending } = this.#started();
    const id = this.#nextId++;
    return new Promise<string[]>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, work } satisfies TextWorkRequest);
    });
  }

  /** Stops the thread (a later {@link PageBodySanitizer.sanitize} starts a new one). */
  async close(): Promise<void> {
    const thread = this.#thread;
    this.#thread = undefined;
    await thread?.worker.terminate();
  }

  #started(): { worker: Worker; pending: Map<number, Pending> } {
    if (this.#thread) return this.#thread;
    const worker = new Worker(boot(this.#entry), { eval: true, execArgv: [] });
    worker.unref();
    const pending = new Map<number, Pending>();
    const thread = { worker, pending };
    worker.on('message', (reply: TextWorkReply) => {
      const asked = pending.get(reply.id);
      pending.delete(reply.id);
      if ('error' in reply) asked?.reject(new Error(reply.error));
      else asked?.resolve(reply.results);
    });
    const fail = (error: Error) => {
      if (this.#thread === thread) this.#thread = undefined;
      for (const asked of pending.values()) asked.reject(error);
      pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the page sanitizing thread exited (${code})`)));
    this.#thread = thread;
    return thread;
  }
}
