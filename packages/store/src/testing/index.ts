/**
 * Helpers for tests and benchmarks (`@tidings/store/testing`): PostgreSQL availability and
 * private schemas, the connection under a store, and the few fixtures that write or read the
 * tables directly. Not used by the service itself.
 */

export type { Database, Queryable } from '../database.ts';
export { databaseOf as storeDatabase } from '../store.ts';
export { type BareIntake, bareIntake } from './bare-intake.ts';
export { publishBulk } from './bulk-articles.ts';
export {
  type PrivateSchema,
  postgresAvailable,
  postgresProblem,
  privateSchema,
  TEST_DATABASE_URL,
} from './postgres-schema.ts';
export { type HeldRow, holdTranslationRow } from './row-lock.ts';
export { auditArticles, type StoreAudit } from './store-audit.ts';
