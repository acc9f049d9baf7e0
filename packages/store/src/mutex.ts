/**
 * A first-come, first-served lock for async work, used to give PGlite's single
 * connection to one caller at a time.
 *
 * @example
 * const mutex = new Mutex();
 * await mutex.run(async () => db.query('SELECT 1'));
 */
export class Mutex {
  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `work` once every earlier call has settled, and returns its result. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(work);
    // The queue must keep moving whether or not this caller's work failed.
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
