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
