import { type ChildProcess, execFileSync, spawn } from 'node:child_process';

/** The repository root. */
export const ROOT = new URL('../../../../', import.meta.url).pathname;

/** A process started by a test, with everything it printed so far. */
export interface Launched {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves with the first line of output that matches, or rejects after `ms`. */
  waitFor(pattern: RegExp, ms?: number): Promise<string>;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * This process's environment in the C locale: the tidings command asks the API for the user's
 * language (LC_ALL, LC_MESSAGES, LANG), and the tests expect English where they choose none.
 *
 * @example
 * spawn(process.execPath, ['apps/cli/bin/tidings.mjs'], { env: { ...englishEnv(), LANG: 'de_DE.UTF-8' } });
 */
export function englishEnv(): NodeJS.ProcessEnv {
  const { LC_ALL: _all, LC_MESSAGES: _messages, ...rest } = process.env;
  return { ...rest, LANG: 'C.UTF-8' };
}

/**
 * Spawns `node <args>` from the repository root with the given environment added. With
 * `foreground: true` it gets a process group of its own, as a shell gives a command run in a
 * terminal: `process.kill(-pid, 'SIGINT')` is then what Ctrl-C does.
 * `prefix` runs it through another command (`ip netns exec NAME`), which must exec node in its
 * place.
 *
 * @example
 * const app = launch(['scripts/start.mjs'], { PORT: '4000' });
 * await app.waitFor(/Tidings is up/);
 */
export function launch(
  args: readonly string[],
  env: Record<string, string>,
  options: { foreground?: boolean; prefix?: readonly string[] } = {},
): Launched {
  const [command = process.execPath, ...before] = [...(options.prefix ?? []), process.execPath];
  const child = spawn(command, [...before, ...args], {
    cwd: ROOT,
    env: { ...englishEnv(), LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.foreground === true,
  });
  let text = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => text,
    exited: () => exit,
    waitFor(pattern, ms = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = text.split('\n').find((l) => pattern.test(l));
          if (line === undefined) return false;
          cleanup();
          resolve(line);
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no output matching ${pattern} within ${ms} ms:\n${text}`));
        }, ms);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(listener);
        };
        const listener = () => void check();
        listeners.add(listener);
        exit.then(() => {
          if (!check()) {
            cleanup();
            reject(new Error(`process exited before printing ${pattern}:\n${text}`));
          }
        });
        check();
      });
    },
  };
}

/**
 * Every descendant pid of a process (children, grandchildren…), from `ps`.
 *
 * @example
 * descendants(app.child.pid);
 */
export function descendants(pid: number): number[] {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const out: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of table) {
      if (ppid === parent) {
        out.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return out;
}

/** Whether a process is still alive (and not a zombie waiting to be reaped). */
export function isAlive(pid: number): boolean {
  try {
    const state = execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' });
    return !state.trim().startsWith('Z');
  } catch {
    return false;
  }
}
