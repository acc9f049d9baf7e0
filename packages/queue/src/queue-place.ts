import type { ConnectionOptions } from 'bullmq';

/** Where a queue lives: its Redis connection and key prefix (`QUEUE_PREFIX`). */
export interface QueuePlace {
  readonly connection: ConnectionOptions;
  readonly prefix: string;
}
