import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedisConnection, whenReady } from '../connection.ts';

/**
 * A TCP port nothing listens on right now (the system hands it out as free on 127.0.0.1), for a
 * private server in a test.
 *
 * @example
 * const port = await freePort();
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A redis-server of a test's own, for tests that kill, freeze or reconfigure their Redis: on a
 * port the system gave as free (never a made-up one, which may be another suite's Redis), with
 * its files in a scratch directory, and nothing persisted unless the test turns it on. It is
 * checked to be this process that answers: when another server took the port first, it starts
 * again on another port rather than let the test talk to someone else's Redis.
 *
 * @example
 * const redis = await PrivateRedis.start();
 * const connection = createRedisConnection(redis.url, 'producer');
 * redis.freeze(); // stops answering, sockets stay open
 * await redis.stop();
 */
export class PrivateRedis {
  #child: ChildProcess;

  private constructor(
    readonly port: number,
    readonly dir: string,
    child: ChildProcess,
  ) {
    this.#child = child;
  }

  /** Starts one, and resolves once it answers. */
  static async start(): Promise<PrivateRedis> {
    const dir = mkdtempSync(join(tmpdir(), 'tidings-private-redis-'));
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      const child = launch(port, dir);
      try {
        await answers(port, child);
        return new PrivateRedis(port, dir, child);
      } catch (error) {
        lastError = error;
        child.kill('SIGKILL');
      }
    }
    rmSync(dir, { recursive: true, force: true });
    throw lastError;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Kills it (SIGKILL) and waits until it is gone: every connection to it is cut. */
  async kill(): Promise<void> {
    const child = this.#child;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }

  /** Starts it again on the same port and directory, after {@link kill}. */
  async restart(): Promise<void> {
    await this.kill();
    this.#child = launch(this.port, this.dir);
    await answers(this.port, this.#child);
  }

  /** Stops it answering while every socket stays open (SIGSTOP), as a hung Redis. */
  freeze(): void {
    this.#child.kill('SIGSTOP');
  }

  /** Lets a frozen one answer again (SIGCONT). */
  thaw(): void {
    this.#child.kill('SIGCONT');
  }

  /** Kills it and removes its directory. */
  async stop(): Promise<void> {
    this.thaw();
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function launch(port: number, dir: string): ChildProcess {
  const child = spawn(
    'redis-server',
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir],
      ...['--save', '', '--appendonly', 'no'],
    ],
    { stdio: 'ignore' },
  );
  // A failure to start is seen as no answer; never an unhandled 'error' event.
  child.on('error', () => undefined);
  return child;
}

/** Resolves once `child` itself answers on `port`; rejects if it exits or another answers. */
async function answers(port: number, child: ChildProcess): Promise<void> {
  const probe = createRedisConnection(`redis://127.0.0.1:${port}`, 'worker');
  probe.on('error', () => undefined); // refused until redis-server listens
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) =>
      reject(new Error(`redis-server on port ${port} exited (${signal ?? code}) before answering`)),
    ),
  );
  exited.catch(() => undefined);
  try {
    await Promise.race([whenReady(probe, 10_000), exited]);
    const info = String(await probe.call('INFO', 'server'));
    const pid = /process_id:(\d+)/.exec(info)?.[1];
    if (pid !== String(child.pid))
      throw new Error(`another Redis (pid ${pid}) answers on port ${port}`);
  } finally {
    probe.disconnect();
  }
}
