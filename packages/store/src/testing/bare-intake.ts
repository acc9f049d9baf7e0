import { databaseOf, type Store } from '../store.ts';

/** The cheapest durable write the store's database can do, for a benchmark's baseline. */
export interface BareIntake {
  /** Stores one body in its own transaction; resolves with its row id. */
  write(body: string): Promise<string | undefined>;
}

/**
 * A table of bodies beside the store's own (`bench_intake`), written one transaction per
 * body: what storing a request costs with no validation, sanitizing, outbox or queue.
 *
 * @example
 * const bare = await bareIntake(store);
 * await bare.write(JSON.stringify(article));
 */
export async function bareIntake(store: Store): Promise<BareIntake> {
  const db = databaseOf(store);
  await db.query(
    'CREATE TABLE IF NOT EXISTS bench_intake (id bigserial PRIMARY KEY, body text NOT NULL)',
  );
  return {
    async write(body) {
      const [row] = await db.transaction((tx) =>
        tx.query<{ id: string }>('INSERT INTO bench_intake (body) VALUES ($1) RETURNING id', [
          body,
        ]),
      );
      return row?.id;
    },
  };
}
