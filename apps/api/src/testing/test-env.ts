/**
 * What the test harnesses read from the environment, in one place: tests are not the service
 * and have no parsed configuration. `npm test` sets REDIS_URL to the Redis it found or started.
 *
 * @example
 * createRedisConnection(TEST_REDIS_URL, 'producer');
 */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** In CI a missing Chromium fails the browser tests instead of skipping them. */
export const TEST_IN_CI = Boolean(process.env.CI);
