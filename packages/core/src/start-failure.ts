// A process that cannot start (a bad variable, a locked data directory, a port it cannot listen
// on): the one readable line that says why and what to do, and the exit that prints it.

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

/**
 * The one line that says why the API cannot listen on `host:port` and what to do, for the
 * errors a person can fix (a busy port, a privileged port, an address this machine lacks);
 * `undefined` for any other error code.
 *
 * @example
 * listenFailure('127.0.0.1', 3000, 'EADDRINUSE');
 * // 'cannot listen on 127.0.0.1:3000: the port is already in use (another Tidings, or another program). Stop it, or set PORT to a free port.'
 */
export function listenFailure(
  host: string,
  port: number,
  code: string | undefined,
): string | undefined {
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  switch (code) {
    case 'EADDRINUSE':
      return `cannot listen on ${where}: the port is already in use (another Tidings, or another program). Stop it, or set PORT to a free port.`;
    case 'EACCES':
      return `cannot listen on ${where}: ports below 1024 need privileges. Set PORT to 1024 or above.`;
    case 'EADDRNOTAVAIL':
      return `cannot listen on ${where}: HOST is not an address of this machine. Set HOST to one of its addresses, or to 0.0.0.0.`;
    default:
      return undefined;
  }
}
