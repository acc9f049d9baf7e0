import { createServer, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import type { Logger } from '@tidings/core';
import type { Hono } from 'hono';
import type { ApiEnv } from './env.ts';
import { PROBLEM_CONTENT_TYPE, problemJson } from './on-error.ts';
import { PROBLEMS, type ProblemCode, type ProblemDetail } from './problem.ts';

/** How the API's HTTP server is set up; the timeouts come from configuration. */
export interface HttpServerOptions {
  readonly app: Hono<ApiEnv>;
  readonly logger: Logger;
  readonly port: number;
  readonly hostname: string;
  /** Longest time a client may take to send a whole request (REQUEST_TIMEOUT_MS). */
  readonly requestTimeoutMs: number;
  /** Longest time a client may take to send the request's headers (HEADERS_TIMEOUT_MS). */
  readonly headersTimeoutMs: number;
  /** The base of problem `type` URIs (PUBLIC_URL); the listening address when absent. */
  readonly publicUrl?: string | undefined;
}

/**
 * What Node's HTTP parser refused, as the problem it is for the client, by code (in English:
 * a request that cannot be parsed has no Accept-Language to read).
 */
function problemOf(error: NodeJS.ErrnoException): { code: ProblemCode; detail: ProblemDetail } {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return { code: 'headers-too-large', detail: { key: 'headers-too-large' } };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { code: 'request-timeout', detail: { key: 'request-timeout' } };
    default:
      return {
        code: 'bad-request',
        detail: {
          key: 'http-invalid',
          fields: {
            error: `${error.code ?? 'parse error'}: ${error.message.replace(/[^\x20-\x7e]/g, '')}`,
          },
        },
      };
  }
}

/** Writes a problem straight onto a socket the parser gave up on, and closes it. */
function answerOnSocket(
  socket: Duplex,
  code: ProblemCode,
  detail: ProblemDetail,
  base: string,
): void {
  const body = problemJson(code, detail, '', base);
  const status = PROBLEMS[code];
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Language: en\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Starts the API's HTTP server: Hono's Node adapter, with request and header timeouts in
 * seconds rather than Node's five minutes, and every error that Node's parser or the adapter
 * raises before the app runs (a bad Host, a malformed request line, oversized headers, a body
 * shorter than its Content-Length) answered as `application/problem+json` where Node still
 * lets the server answer.
 *
 * @example
 * const server = startHttpServer({ app, logger, port: 3000, hostname: '127.0.0.1', requestTimeoutMs: 30_000, headersTimeoutMs: 10_000 });
 */
export function startHttpServer(options: HttpServerOptions, onListening?: () => void): Server {
  // The address it listens on (its real port, when given 0) unless PUBLIC_URL names the site.
  const base = (): string => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    return options.publicUrl ?? `http://${options.hostname}:${port}`;
  };
  const listener = getRequestListener(options.app.fetch, {
    hostname: options.hostname,
    // The adapter refuses some requests before the app sees them (a Host that is no host,
    // an absolute URL with another scheme): a bare 400 without this.
    errorHandler: (error) =>
      new Response(
        problemJson(
          'bad-request',
          {
            key: 'request-unreadable',
            fields: { error: error instanceof Error ? error.message : String(error) },
          },
          '',
          base(),
        ),
        {
          status: 400,
          headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'content-language': 'en' },
        },
      ),
  });
  const server = createServer(
    {
      requestTimeout: options.requestTimeoutMs,
      headersTimeout: Math.min(options.headersTimeoutMs, options.requestTimeoutMs),
      // How often Node looks for requests past their timeouts; its default, 30 s, would let a
      // stalled request live up to 30 s beyond REQUEST_TIMEOUT_MS.
      connectionsCheckingInterval: Math.min(1000, options.headersTimeoutMs),
    },
    listener,
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A reset connection, or one whose response is already under way, cannot be answered.
    const pending = (
      socket as Duplex & {
        _httpMessage?: ServerResponse;
      }
    )._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || pending?.headersSent) {
      socket.destroy();
      return;
    }
    const { code, detail } = problemOf(error);
    options.logger.debug({ err: error, status: PROBLEMS[code] }, 'client error');
    // Bytes after a complete request (a body longer than its Content-Length) fail to parse
    // while that request is still being answered: its answer goes first.
    if (pending?.req.complete)
      pending.once('finish', () => answerOnSocket(socket, code, detail, base()));
    else answerOnSocket(socket, code, detail, base());
  });
  server.listen(options.port, options.hostname, onListening);
  return server;
}
