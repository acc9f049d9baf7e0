// Whether the API's address can be listened on, asked before anything is started: a busy port
// is then one line, with no private Redis started and stopped for nothing.
import { createServer } from 'node:net';

/** Resolves `undefined` when host:port can be listened on, else the error's code (`EADDRINUSE`…). */
export function portProblem(host, port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error) => resolve(error.code ?? error.message));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(undefined)));
  });
}
