// Runs the service's processes side by side and stops them together: on Ctrl-C or SIGTERM,
// when one of them dies, and (through their IPC channel) when this launcher itself is killed.
import { spawn } from 'node:child_process';

/**
 * Starts each `{ name, args, ready, nodeArgs }` in turn as `node ...nodeArgs --import tsx ...args`
 * with an IPC channel, each in a process group of its own: a terminal's Ctrl-C reaches only this launcher,
 * which then stops them one stage at a time, the last started first (the workers finish their
 * jobs in hand while the API is still there to persist the results). A second Ctrl-C makes
 * every process exit at once. A process with `ready: 'listening'` must send
 * `{ type: 'listening' }` before the next one starts; if it exits first, the launcher exits
 * with its code and says nothing more (the process said why, in one line).
 *
 * Resolves once every process has started; `stopAll(code)` stops them all (SIGTERM, then
 * SIGKILL after `graceMs`) and exits with `code`.
 */
export async function supervise(processes, { env, cwd, graceMs, say, onAllStopped }) {
  const children = new Map();
  const signalled = new Set();
  const readyNames = new Set();
  let stopping = false;
  let forced = false;

  const exited = (child) =>
    new Promise((resolve) =>
      child.exitCode !== null || child.signalCode !== null
        ? resolve()
        : child.once('exit', resolve),
    );
  const terminate = (name) => {
    signalled.add(name);
    children.get(name)?.kill('SIGTERM');
  };

  const stopAll = async (code) => {
    if (stopping) return;
    stopping = true;
    const killer = setTimeout(() => {
      for (const child of children.values()) child.kill('SIGKILL');
    }, graceMs);
    // Last started, first stopped.
    for (const name of [...children.keys()].reverse()) {
      const child = children.get(name);
      if (!signalled.has(name)) terminate(name);
      if (!forced) await exited(child);
    }
    await Promise.all([...children.values()].map(exited));
    clearTimeout(killer);
    await onAllStopped?.();
    process.exit(forced ? 130 : code);
  };

  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (stopping) {
        if (forced) return;
        forced = true;
        say(`second ${signal}: stopping now, without waiting for work in hand.`);
        // Already told once, a process exits at once when told again.
        for (const name of children.keys()) terminate(name);
        return;
      }
      say(
        `${signal}: letting work in hand finish, then stopping ${[...children.keys()].join(', ')} (again to stop at once)…`,
      );
      void stopAll(0);
    });
  }

  for (const { name, args, ready, nodeArgs = [] } of processes) {
    if (stopping) break;
    const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', ...args], {
      cwd,
      env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      detached: true,
    });
    children.set(name, child);
    const started = ready
      ? new Promise((resolve) => {
          child.on('message', (message) => {
            if (message?.type === ready) resolve(true);
          });
          child.once('exit', () => resolve(false));
        })
      : Promise.resolve(true);
    child.once('exit', (code, signal) => {
      if (stopping) return;
      if (ready && !readyNames.has(name)) {
        // It said why it could not start; the others (if any) stop quietly.
        void stopAll(code || 1);
        return;
      }
      say(`${name} exited (${signal ?? `code ${code}`}); stopping the others.`);
      void stopAll(code || 1);
    });
    if (await started) readyNames.add(name);
    else await new Promise(() => {}); // stopAll exits the process
  }
  return stopAll;
}
