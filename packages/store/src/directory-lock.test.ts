import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { StoreLockedError } from './directory-lock.ts';
import { openStore } from './open-store.ts';

const FIXTURE = fileURLToPath(new URL('./store-process.fixture.ts', import.meta.url));

interface Run {
  readonly child: ChildProcess;
  /** Resolves with the first line the process prints. */
  readonly firstLine: Promise<string>;
  readonly exit: Promise<number | null>;
}

function runStoreProcess(dataDir: string, mode: 'open' | 'hold'): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dataDir, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const newline = output.indexOf('\n');
      if (newline >= 0) resolve(output.slice(0, newline));
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before printing: ${output}`)));
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, firstLine, exit };
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A data directory holding a copy of the run's migrated store (initdb takes seconds). */
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tidings-lock-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(inject('pgliteTemplate'), join(dir, 'pglite'), { recursive: true });
  return dir;
}

describe('the embedded store’s directory lock', () => {
  it('makes a second process fail fast with a message naming the directory and the holder', async () => {
    const dataDir = await tempDir();
    const store = await openStore({ dataDir });
    cleanups.push(() => store.close());
    expect((await readFile(join(dataDir, 'pglite.lock'), 'utf8')).trim()).toBe(String(process.pid));

    const second = runStoreProcess(dataDir, 'open');
    const error = JSON.parse(await second.firstLine) as {
      name: string;
      message: string;
      ms: number;
    };
    expect(await second.exit).toBe(3);
    expect(error.name).toBe('StoreLockedError');
    expect(error.message).toContain(join(dataDir, 'pglite'));
    expect(error.message).toContain(`process ${process.pid}`);
    expect(error.message).toMatch(/DATABASE_URL/);
    // Fast: refused before PGlite starts, which would happily open the directory and corrupt it.
    expect(error.ms).toBeLessThan(2000);
  });

  it('refuses a second open in the same process too', async () => {
    const dataDir = await tempDir();
    const store = await openStore({ dataDir });
    cleanups.push(() => store.close());
    await expect(openStore({ dataDir })).rejects.toThrow(StoreLockedError);
  });

  it('takes over the lock of a process killed with SIGKILL, data intact', async () => {
    const dataDir = await tempDir();
    const holder = runStoreProcess(dataDir, 'hold');
    cleanups.push(async () => holder.child.kill('SIGKILL'));
    expect(await holder.firstLine).toBe('open');
    holder.child.kill('SIGKILL');
    await holder.exit;
    const lockFile = join(dataDir, 'pglite.lock');
    expect((await readFile(lockFile, 'utf8')).trim()).toBe(String(holder.child.pid));

    const store = await openStore({ dataDir });
    cleanups.push(() => store.close());
    expect((await readFile(lockFile, 'utf8')).trim()).toBe(String(process.pid));
    expect((await store.listKeys()).map((k) => k.name)).toEqual(['written before the crash']);
  });

  it('takes over a lock naming its own pid, as after a container restart', async () => {
    const dataDir = await tempDir();
    await writeFile(join(dataDir, 'pglite.lock'), `${process.pid}\n`);
    const store = await openStore({ dataDir });
    cleanups.push(() => store.close());
    await store.ping();
  });

  it('releases the lock on close, so the next process opens at once', async () => {
    const dataDir = await tempDir();
    const store = await openStore({ dataDir });
    await store.close();
    await store.close();
    await expect(stat(join(dataDir, 'pglite.lock'))).rejects.toThrow(/ENOENT/);
    const next = runStoreProcess(dataDir, 'open');
    expect(await next.firstLine).toBe('open');
    expect(await next.exit).toBe(0);
  });
});
