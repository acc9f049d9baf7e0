/**
 * Ends a process that cannot start, with one readable line on stderr (`program: message`) and
 * exit code 1: a busy port, a locked data directory, a bad variable. No stack trace, because
 * the line says all a person needs to fix it.
 *
 * @example
 * exitWithMessage('tidings-api', 'port 3000 on 127.0.0.1 is already in use');
 */
export function exitWithMessage(program: string, message: string): never {
  process.stderr.write(`${program}: ${message}\n`);
  process.exit(1);
}
