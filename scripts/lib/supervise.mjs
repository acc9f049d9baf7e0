// Runs the service's processes side by side and stops them together: on Ctrl-C or SIGTERM,
// when one of them dies, and (through their IPC channel) when this launcher itself is killed.
import { spawn } from 'node:child_process';

/**
 * Starts each `{ name, args }` as `node --import tsx ...args` with an IPC channel, and returns
 * `stopAll(code)`, which stops them all (SIGTERM, then SIGKILL after `graceMs`) and resolves
 * with the exit code.
 */
export function supervise(processes, { env, cwd, graceMs, say, onAllStopped }) {
  const children = new Map();
  let stopping = false;

  const stopAll = async (code) => {
    if (stopping) return;
    stopping = true;
    for (const child of children.values()) child.kill('SIGTERM');
    const killer = setTimeout(() => {
      for (const child of children.values()) child.kill('SIGKILL');
    }, graceMs);
    await Promise.all(
      [...children.values()].map(
        (child) =>
          new Promise((resolve) =>
            child.exitCode !== null || child.signalCode !== null
              ? resolve()
              : child.once('exit', resolve),
          ),
      ),
    );
    clearTimeout(killer);
    await onAllStopped?.();
    process.exit(code);
  };

  for (const { name, args } of processes) {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd,
      env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.set(name, child);
    child.once('exit', (code, signal) => {
      if (stopping) return;
      say(`${name} exited (${signal ?? `code ${code}`}); stopping the others.`);
      void stopAll(code || 1);
    });
  }

  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (stopping) return;
      say(`${signal}: stopping ${[...children.keys()].join(', ')}…`);
      void stopAll(0);
    });
  }
  return stopAll;
}
