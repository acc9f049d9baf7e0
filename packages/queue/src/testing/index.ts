/**
 * Helpers for other packages' tests (`@tidings/queue/testing`). Not used by the service itself.
 */
export { sampleWorker } from './sample-worker.ts';
