import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const scratch = mkdtempSync(join(tmpdir(), 'tidings-orphan-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const guard = fileURLToPath(new URL('./orphan-guard.ts', import.meta.url));

function alive(pid: number): boolean {
  try {
    const stat = execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' });
    return !stat.trim().startsWith('Z');
  } catch {
    return false;
  }
}

describe('dieWithParent', () => {
  it('kills a child whose main thread is busy, once its parent is killed', async () => {
    // The child holds its main thread for a minute, as a long model call would.
    const child = join(scratch, 'child.mjs');
    writeFileSync(
      child,
      `import { dieWithParent } from ${JSON.stringify(guard)};
dieWithParent(50);
process.send('busy');
const until = Date.now() + 60_000;
while (Date.now() < until) {}`,
    );
    const parent = join(scratch, 'parent.mjs');
    writeFileSync(
      parent,
      `import { fork } from 'node:child_process';
const child = fork(${JSON.stringify(child)});
child.on('message', () => console.log(child.pid));`,
    );
    const parentProcess = spawn(process.execPath, ['--import', 'tsx', parent], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const childPid = await new Promise<number>((resolve) =>
      parentProcess.stdout.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim()))),
    );
    expect(alive(childPid)).toBe(true);

    parentProcess.kill('SIGKILL');
    const until = Date.now() + 10_000;
    while (alive(childPid) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(alive(childPid)).toBe(false);
  }, 20_000);
});

/** Whether `pid` still takes signals (a zombie does). */
const exists = (pid: number) => {
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
    const child = join(scratch, 'sending-child.mjs');
    writeFileSync(
      child,
      `import { sendToParent } from ${JSON.stringify(guard)};
const parent = process.ppid;
sendToParent('busy');
const until = Date.now() + 20_000;
while (process.ppid === parent && Date.now() < until) {}
sendToParent({ type: 'progress', id: 1, done: 1, total: 2 });
setTimeout(() => { console.error('still running after its parent died'); process.exit(3); }, 10_000);`,
    );
    const parent = join(scratch, 'sending-parent.mjs');
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
    parentProcess.kill('SIGKILL');
    const until = Date.now() + 15_000;
    while (exists(childPid) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(exists(childPid), 'the child is gone').toBe(false);
    // Whatever the child wrote has reached the pipe by the time it is gone.
    await new Promise((r) => setTimeout(r, 200));
    expect(stderr).toBe('');
  }, 30_000);
});
