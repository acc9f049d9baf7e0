import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/**
 * Serves a fetch handler with `@hono/node-server` on a free local port.
 *
 * @example
 * const server = await listen(app.fetch);
 * await fetch(`${server.url}/healthz`);
 * await server.close();
 */
export function listen(
  fetch: (request: Request) => Response | Promise<Response>,
): Promise<{ url: string; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
