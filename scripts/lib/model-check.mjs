// Runs `tidings models check` beside the start-up, so that `npm start` can say, in one block,
// which directions can be translated, which will download their models first, and which
// cannot be translated at all (and the fix). A child process: the model runtime it loads
// stays out of the launcher.
import { spawn } from 'node:child_process';

/**
 * Starts the check; resolves with the block it printed (without the program's name), or with
 * one line saying why there is none. The child is killed if the launcher exits first.
 */
export function startModelCheck(root, env) {
  const child = spawn(process.execPath, ['apps/cli/bin/tidings.mjs', 'models', 'check'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (chunk) => {
    text += chunk;
  });
  child.stderr.on('data', (chunk) => {
    text += chunk;
  });
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  return new Promise((resolve) => {
    child.once('error', (error) => resolve(`models: could not be checked (${error.message})`));
    child.once('exit', () => {
      process.off('exit', kill);
      resolve(text.trimEnd().replace(/^tidings: /gm, '') || 'models: the check printed nothing');
    });
  });
}
