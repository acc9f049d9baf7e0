interface Waiting<In, Out> {
  readonly input: In;
  resolve(out: Out): void;
  reject(error: unknown): void;
}

/** How a {@link Batcher} forms its batches. */
export interface BatcherOptions<In> {
  /** Batches run at once; calls arriving while all are busy wait for the next one. */
  readonly inFlight: number;
  /** Most calls in one batch. */
  readonly maxBatch: number;
  /** Most weight (e.g. characters) in one batch; a single heavier call still goes alone. */
  readonly maxWeight: number;
  /** The weight of one call. */
  readonly weight: (input: In) => number;
}

/**
 * Folds concurrent calls into batches (a group commit for writes, one lookup for reads): a call
 * made while no batch is being run starts one in the next turn of the event loop, with every
 * call made in the same turn; calls made while `inFlight` batches are running wait and go
 * together in the next, in the order they were made. Nothing waits on a timer, so a lone call
 * is not slowed down, and batches grow only as fast as calls pile up behind the running ones.
 *
 * `run` handles a batch atomically (one statement) and returns one result per input, in order.
 * When it throws for a batch of several, each of them is run again alone, one after the other,
 * so a call fails only for its own input, never for another's in the same batch.
 *
 * @example
 * const inserts = new Batcher((rows: Row[]) => insertAll(db, rows), { inFlight: 1, maxBatch: 16, maxWeight: 1e6, weight: () => 1 });
 * const id = await inserts.submit(row);
 */
export class Batcher<In, Out> {
  readonly #run: (inputs: readonly In[]) => Promise<readonly Out[]>;
  readonly #options: BatcherOptions<In>;
  readonly #waiting: Waiting<In, Out>[] = [];
  #busy = 0;
  #scheduled = false;

  constructor(
    run: (inputs: readonly In[]) => Promise<readonly Out[]>,
    options: BatcherOptions<In>,
  ) {
    this.#run = run;
    this.#options = options;
  }

  /** Runs `input` in the next batch and resolves with its own result. */
  submit(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.#waiting.push({ input, resolve, reject });
      if (this.#scheduled) return;
      // Not at once: calls made in the same turn of the event loop join this one. On PGlite a
      // statement runs without yielding to I/O, so no call would ever find one under way.
      this.#scheduled = true;
      setImmediate(() => {
        this.#scheduled = false;
        this.#next();
      });
    });
  }

  #next(): void {
    while (this.#busy < this.#options.inFlight && this.#waiting.length > 0) {
      this.#busy++;
      void this.#runBatch(this.#take()).finally(() => {
        this.#busy--;
        this.#next();
      });
    }
  }

  /** The next batch: the oldest waiting calls, up to the batch's count and weight. */
  #take(): Waiting<In, Out>[] {
    const { maxBatch, maxWeight, weight } = this.#options;
    let total = 0;
    let n = 0;
    for (const waiting of this.#waiting) {
      total += weight(waiting.input);
      if (n >= maxBatch || (n > 0 && total > maxWeight)) break;
      n++;
    }
    return this.#waiting.splice(0, n);
  }

  async #runBatch(batch: readonly Waiting<In, Out>[]): Promise<void> {
    try {
      const outs = await this.#run(batch.map((w) => w.input));
      for (const [i, w] of batch.entries()) w.resolve(outs[i] as Out);
      return;
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
    }
    // The batch did nothing: each call is run alone, so only a bad one fails.
    for (const w of batch) {
      try {
        const [out] = await this.#run([w.input]);
        w.resolve(out as Out);
      } catch (error) {
        w.reject(error);
      }
    }
  }
}
