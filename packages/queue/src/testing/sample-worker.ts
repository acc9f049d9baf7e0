import type { WorkerAnnouncement } from '../worker-registry.ts';

/**
 * A worker's announcement as a real one would make it, for tests of the registry and of what
 * shows it.
 *
 * @example
 * await registry.announce(sampleWorker('host:1:abc', { silentAfterMs: 1 }));
 */
export function sampleWorker(
  id: string,
  overrides: Partial<WorkerAnnouncement> = {},
): WorkerAnnouncement {
  return {
    id,
    host: id.split(':')[0] ?? 'translator-2',
    pid: 4242,
    version: '0.1.0',
    startedAt: new Date().toISOString(),
    concurrency: 8,
    lockDurationMs: 30_000,
    heartbeatMs: 5_000,
    silentAfterMs: 15_000,
    models: ['Xenova/opus-mt-en-es'],
    jobs: [],
    ...overrides,
  };
}
