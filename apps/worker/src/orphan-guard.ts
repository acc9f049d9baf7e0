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
 * Set by a parent before it starts children that call {@link dieWithParent}: a child may load
 * slowly enough that its parent is already dead, and its own parent pid already someone
 * else's, by the time it looks.
 */
export const PARENT_PID_VARIABLE = 'TIDINGS_ENGINE_PARENT_PID';

/**
 * Kills this process as soon as its parent is gone (it is then re-parented, so its parent pid
 * changes). A translation engine whose worker died with SIGKILL would otherwise translate on for nobody;
 * SIGKILL, not `process.exit`, because exit handlers could wait on the model runtime's threads.
 * The parent is the pid in `TIDINGS_ENGINE_PARENT_PID` when set (see
 * {@link PARENT_PID_VARIABLE}), else the current parent.
 *
 * @example
 * process.env[PARENT_PID_VARIABLE] = String(process.pid); // in the parent, before forking
 * dieWithParent(); // first thing in the child
 */
export function dieWithParent(everyMs = 250): void {
  const parent = Number(process.env[PARENT_PID_VARIABLE]) || process.ppid;
  const watchdog = new Worker(WATCHDOG, {
    eval: true,
    execArgv: [],
    workerData: { parent, self: process.pid, everyMs },
  });
  watchdog.unref();
}
