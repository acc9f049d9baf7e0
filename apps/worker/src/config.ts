import { type Config, loadConfigOrExit } from '@tidings/core';

/**
 * The worker's configuration, parsed once from the environment; a bad value exits with one line.
 *
 * @example
 * const config = loadConfig();
 */
export function loadConfig(): Config {
  return loadConfigOrExit(process.env, 'tidings-worker');
}
