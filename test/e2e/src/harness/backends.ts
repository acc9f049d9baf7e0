import { postgresAvailable, privateSchema } from '@tidings/store/testing';

const postgres = await postgresAvailable('the PostgreSQL runs of the end-to-end tests');

/** A store back end an installation can run on. */
export interface Backend {
  readonly name: 'pglite' | 'postgres';
  readonly available: boolean;
  /** Environment for the API (DATABASE_URL in a fresh schema), and how to drop it after. */
  prepare(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }>;
}

/** PGlite (embedded, the default) and PostgreSQL (skipped with a warning when absent outside CI). */
export const BACKENDS: readonly Backend[] = [
  { name: 'pglite', available: true, prepare: async () => ({ env: {}, drop: async () => {} }) },
  {
    name: 'postgres',
    available: postgres,
    async prepare() {
      const schema = await privateSchema('e2e');
      return { env: { DATABASE_URL: schema.url }, drop: () => schema.drop() };
    },
  },
];
