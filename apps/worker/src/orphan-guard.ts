import { Worker } from 'node:worker_threads';

// Runs on a thread of its own: the main thread may be inside a long ONNX Runtime call, which
// holds its event loop, so neither an IPC 'disconnect' nor a timer there would be seen in time.
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
setInterval(() => {
  if (process.ppid !== workerData.parent) process.kill(workerData.self, 'SIGKILL');
}, workerData.everyMs);
`;

/**
 * Kills this process as soon as its parent is gone (it is then re-parented, so its parent pid
 * changes). A sandbox whose worker died with SIGKILL would otherwise translate on for nobody;
 * SIGKILL, not `process.exit`, because exit handlers could wait on the model runtime's threads.
 *
 * @example
 * dieWithParent(); // first thing in a child process
 */
export function dieWithParent(everyMs = 250): void {
  const watchdog = new Worker(WATCHDOG, {
    eval: true,
    execArgv: [],
    workerData: { parent: process.ppid, self: process.pid, everyMs },
  });
  watchdog.unref();
}
