import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { loadCliConfig } from '../config.ts';

/** The worker's entry point, found from this file so that any working directory will do. */
const WORKER_MAIN = fileURLToPath(new URL('../../../worker/src/main.ts', import.meta.url));

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs `node --import tsx apps/worker/src/main.ts` in the foreground with this environment,
 * forwarding signals, and resolves with the exit code to leave with. The worker runs in its
 * own process group, so a Ctrl-C reaches it once (forwarded), not twice (a second signal
 * makes it exit at once); its IPC channel stops it should this process be killed outright.
 *
 * @example
 * process.exitCode = await runWorker();
 */
export function runWorker(): Promise<number> {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), WORKER_MAIN], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: process.env,
    detached: true,
  });
  const forward = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of SIGNALS) process.on(signal, forward);
  return new Promise((resolve) => {
    child.once('error', (error) => {
      process.stderr.write(`tidings: cannot start the worker: ${error.message}\n`);
      resolve(1);
    });
    child.once('exit', (code, signal) => {
      for (const s of SIGNALS) process.off(s, forward);
      resolve(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1));
    });
  });
}

/**
 * `tidings worker`: a translation worker in the foreground (Ctrl-C stops it after the work
 * in hand).
 *
 * @example
 * registerWorker(program);
 */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(
      'Run a translation worker in the foreground, with this environment (Ctrl-C stops it)',
    )
    .action(async () => {
      // Fails here, with one line, on a bad variable, rather than inside the child.
      loadCliConfig();
      process.exitCode = await runWorker();
    });
}
