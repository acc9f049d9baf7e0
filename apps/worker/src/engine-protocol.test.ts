import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfigOrExit } from '@tidings/core';
import { afterAll, describe, expect, it } from 'vitest';
import { engineArgs, parseEngineArgs } from './engine-protocol.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tidings-channel-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const channel = fileURLToPath(new URL('./engine-protocol.ts', import.meta.url));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('sendToParent', () => {
  it('leaves quietly, printing no EPIPE trace, when its parent was killed under a send', async () => {
    // The child is busy (as an engine inside a model call) until its parent is killed, then
    // sends into the closed channel. It writes to the test's own stderr, which it inherits.
    // Its busy wait is long: on a loaded machine, starting both processes (with tsx) and
    // reading the child's pid can take many seconds, and a child that stopped waiting first
    // would send to a live parent and say it was still running (CI failed so under load).
    const child = join(scratch, 'child.mjs');
    writeFileSync(
      child,
      `import { sendToParent } from ${JSON.stringify(channel)};
const parent = process.ppid;
sendToParent('busy');
const until = Date.now() + 100_000;
while (process.ppid === parent && Date.now() < until) {}
if (process.ppid === parent) console.error('its parent was not killed within 100 s');
sendToParent({ type: 'progress', id: 1, done: 1, total: 2 });
setTimeout(() => { console.error('still running after its parent died'); process.exit(3); }, 10_000);`,
    );
    const parent = join(scratch, 'parent.mjs');
    writeFileSync(
      parent,
      `import { fork } from 'node:child_process';
const child = fork(${JSON.stringify(child)}, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
child.on('message', () => console.log(child.pid));`,
    );
    const parentProcess = spawn(process.execPath, ['--import', 'tsx', parent], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    parentProcess.stderr.on('data', (chunk: Buffer) => {
      stderr += String(chunk);
    });
    const childPid = await new Promise<number>((resolve) =>
      parentProcess.stdout.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim()))),
    );
    try {
      parentProcess.kill('SIGKILL');
      const until = Date.now() + 15_000;
      while (alive(childPid) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(alive(childPid), 'the child is gone').toBe(false);
      // Whatever the child wrote has reached the pipe by the time it is gone.
      await new Promise((r) => setTimeout(r, 200));
      expect(stderr).toBe('');
    } finally {
      if (alive(childPid)) process.kill(childPid, 'SIGKILL');
    }
  }, 150_000);
});

describe('benchmark options', () => {
  it('reach the engine through the argv the worker gives it, and nothing else', () => {
    const args = engineArgs({ gates: false, newTokens: 12 });
    expect(parseEngineArgs(args)).toEqual({ gates: false, newTokens: 12 });
    // Without options the engine gets no arguments, and everything is real.
    expect(engineArgs({})).toEqual([]);
    expect(engineArgs(undefined)).toEqual([]);
    expect(parseEngineArgs([])).toEqual({});
    // Only a gate turned off or a positive count is taken.
    expect(parseEngineArgs(['--benchmark', '{"gates":true,"newTokens":-1}'])).toEqual({});
  });

  it('cannot be set by the environment the env-driven main reads', () => {
    const env = {
      GATES: 'false',
      QUALITY_GATES: 'off',
      BENCHMARK: '{"gates":false}',
      NEW_TOKENS: '12',
      NEWTOKENS: '12',
    };
    const config = loadConfigOrExit(env, 'tidings-worker') as unknown as Record<string, unknown>;
    for (const key of ['gates', 'newTokens', 'benchmark']) expect(config).not.toHaveProperty(key);
    // main.ts starts the worker with the configuration alone: no second argument to fill.
    const main = readFileSync(new URL('./main.ts', import.meta.url), 'utf8');
    expect(main).toMatch(/^const config = loadConfig\(\);$/m);
    expect(main).toMatch(/^startWorker\(config\);$/m);
    expect(main.match(/startWorker\(/g)).toHaveLength(1);
  });
});
