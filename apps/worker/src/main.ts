/** The worker's entry (`npm run worker`): the configuration from the environment, nothing else. */
import { loadConfig } from './config.ts';
import { startWorker } from './start-worker.ts';

startWorker(loadConfig());
