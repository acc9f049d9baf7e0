import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const STAMP = 'stamp.json';

async function stampOf(dir: string): Promise<string | undefined> {
  try {
    const { hash } = JSON.parse(await readFile(join(dir, STAMP), 'utf8')) as { hash?: string };
    return hash;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function lock(path: string): Promise<() => Promise<void>> {
  for (;;) {
    try {
      await mkdir(path);
      await writeFile(join(path, 'pid'), String(process.pid));
      return () => rm(path, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(await readFile(join(path, 'pid'), 'utf8').catch(() => 'NaN'));
      if (Number.isInteger(owner) && !alive(owner))
        await rm(path, { recursive: true, force: true });
      else await sleep(250);
    }
  }
}

/**
 * Makes `dir` hold what `build` writes for `hash`, building only when its stamp differs.
 * Safe across processes (a lock directory beside it; the build goes to a temporary folder
 * that replaces `dir` whole), so parallel test files can all call it.
 */
export async function cachedBuild(
  dir: string,
  hash: string,
  build: (into: string) => Promise<void>,
): Promise<boolean> {
  if ((await stampOf(dir)) === hash) return false;
  await mkdir(join(dir, '..'), { recursive: true });
  const release = await lock(`${dir}.lock`);
  try {
    if ((await stampOf(dir)) === hash) return false;
    const temporary = `${dir}.building-${process.pid}`;
    await rm(temporary, { recursive: true, force: true });
    await build(temporary);
    await writeFile(join(temporary, STAMP), `${JSON.stringify({ hash })}\n`);
    await rm(dir, { recursive: true, force: true });
    await rename(temporary, dir);
    return true;
  } finally {
    await release();
  }
}
