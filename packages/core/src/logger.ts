import { type DestinationStream, type Logger, pino } from 'pino';
import type { Config } from './config.ts';

/**
 * A pino logger for one process: JSON lines, or pretty lines for a person at a terminal.
 * JSON lines go to standard output unless a `destination` is given (tests read them there).
 *
 * @example
 * const log = createLogger(config, 'api');
 * log.info({ port: 3000 }, 'listening');
 */
export function createLogger(
  config: Pick<Config, 'logLevel' | 'logFormat'>,
  name: string,
  isTerminal: boolean = process.stdout.isTTY === true,
  destination?: DestinationStream,
): Logger {
  const pretty = config.logFormat === 'pretty' || (config.logFormat === 'auto' && isTerminal);
  const options = {
    name,
    level: config.logLevel,
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { colorize: isTerminal, translateTime: 'HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  };
  return destination && !pretty ? pino(options, destination) : pino(options);
}

export type { Logger };
