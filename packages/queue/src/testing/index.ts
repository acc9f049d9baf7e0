/**
 * Helpers for other packages' tests (`@tidings/queue/testing`). Not used by the service itself.
 */

export { freePort, PrivateRedis } from './private-redis.ts';
export { sampleWorker } from './sample-worker.ts';
