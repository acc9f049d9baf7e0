import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { eventually } from './service.ts';

/**
 * A private redis-server on its own port, for tests that kill it or change its settings: as an
 * operator should run it (append-only, fsync every second), or with no persistence at all, so
 * that a kill loses every queued job.
 *
 * @example
 * const redis = new PrivateRedis(await freePort(), dir, true);
 * await redis.start();
 */
export class PrivateRedis {
  #child: ChildProcess | undefined;
  constructor(
    readonly port: number,
    readonly dir: string,
    readonly persistent = true,
    /** Addresses it listens on: more than loopback for clients in another network namespace. */
    readonly binds: readonly string[] = ['127.0.0.1'],
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const persistence = this.persistent
      ? ['--appendonly', 'yes', '--appendfsync', 'everysec']
      : ['--appendonly', 'no'];
    this.#child = spawn(
      'redis-server',
      [
        ...['--port', String(this.port), '--bind', ...this.binds, '--dir', this.dir],
        // Without a password Redis refuses clients from other hosts unless told not to.
        ...(this.binds.some((b) => b !== '127.0.0.1') ? ['--protected-mode', 'no'] : []),
        ...['--maxmemory-policy', 'noeviction', '--save', '', ...persistence],
      ],
      { stdio: 'ignore' },
    );
    await eventually(
      async () => {
        const probe = spawn('redis-cli', ['-p', String(this.port), 'ping'], { stdio: 'ignore' });
        return (await new Promise<number | null>((r) => probe.once('exit', r))) === 0 || undefined;
      },
      10_000,
      'redis-server to answer',
    );
  }

  /** Runs one command with redis-cli and returns its answer. */
  cli(...args: string[]): string {
    return execFileSync('redis-cli', ['-p', String(this.port), ...args], {
      encoding: 'utf8',
    }).trim();
  }

  async kill(): Promise<void> {
    const child = this.#child;
    // A process killed by a signal has a signalCode, not an exitCode.
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
  }
}
