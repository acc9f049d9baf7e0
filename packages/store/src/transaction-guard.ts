import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Remembers which transaction the current async call chain is inside, so that a
 * repository which by mistake uses the outer database handle inside a transaction fails
 * at once with a clear message instead of deadlocking PGlite's single connection.
 *
 * @example
 * const guard = new TransactionGuard();
 * guard.inside(() => work(tx));   // in transaction()
 * guard.assertOutside();          // in query()
 */
export class TransactionGuard {
  readonly #storage = new AsyncLocalStorage<true>();

  /** Runs `work` marked as being inside a transaction. */
  inside<T>(work: () => Promise<T>): Promise<T> {
    return this.#storage.run(true, work);
  }

  /** Throws when called from inside a transaction of the same database. */
  assertOutside(): void {
    if (this.#storage.getStore()) {
      throw new Error(
        'The store was queried outside the open transaction; use the transaction handle (tx) inside transaction().',
      );
    }
  }
}
