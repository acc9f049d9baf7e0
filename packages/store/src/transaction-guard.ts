import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Remembers which transaction the current async call chain is inside, so that a
 * repository which by mistake uses the outer database handle inside a transaction fails
 * at once with a clear message instead of deadlocking PGlite's single connection.
 *
 * The marks live in an `AsyncLocalStorage`, which on Node 20 turns on async hooks for the
 * whole process: every promise of every request is tracked while it is on (an `await` costs
 * two to three times as much). So it is on only while a transaction of this database is
 * open: when the last one settles, no call chain can be inside one, and the storage is turned
 * off until the next transaction begins. A chain that began inside a transaction keeps its
 * mark, as before, whenever another transaction is open.
 *
 * @example
 * const guard = new TransactionGuard();
 * guard.inside(() => work(tx));   // in transaction()
 * guard.assertOutside();          // in query()
 */
export class TransactionGuard {
  readonly #storage = new AsyncLocalStorage<true>();
  /** Transactions of this database that have begun and not settled. */
  #open = 0;

  /** Runs `work` marked as being inside a transaction. */
  async inside<T>(work: () => Promise<T>): Promise<T> {
    this.#open++;
    try {
      return await this.#storage.run(true, work);
    } finally {
      if (--this.#open === 0) this.#storage.disable();
    }
  }

  /** Throws when called from inside a transaction of the same database. */
  assertOutside(): void {
    if (this.#open > 0 && this.#storage.getStore()) {
      throw new Error(
        'The store was queried outside the open transaction; use the transaction handle (tx) inside transaction().',
      );
    }
  }
}
