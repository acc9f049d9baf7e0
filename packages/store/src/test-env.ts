/**
 * What the store's test harness reads from the environment, in one place: tests are not the
 * service and have no parsed configuration.
 */
export const TEST_ENV = {
  /** The PostgreSQL server the tests use. */
  databaseUrl: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  /** In CI a missing PostgreSQL fails the run instead of skipping half of it. */
  ci: Boolean(process.env.CI),
} as const;
