/**
 * Helpers for tests and benchmarks that run the store on PostgreSQL (`@tidings/store/testing`):
 * whether the server answers, and a private schema per run. Not used by the service itself.
 */
export {
  type PrivateSchema,
  postgresAvailable,
  postgresProblem,
  privateSchema,
  TEST_DATABASE_URL,
} from './postgres-schema.ts';
