import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Another live process has the embedded store's directory open. PGlite serves one
 * process; a second one would corrupt the data, so it is refused at once.
 *
 * @example
 * try { await openStore({ dataDir }); }
 * catch (error) { if (error instanceof StoreLockedError) process.exit(1); }
 */
export class StoreLockedError extends Error {
  override readonly name = 'StoreLockedError';
  /** The locked data directory. */
  readonly directory: string;
  /** The pid written in the lock file. */
  readonly pid: number;

  constructor(directory: string, pid: number, lockFile: string) {
    super(
      `The store in ${directory} is in use by process ${pid}. The embedded store (PGlite) serves one process: stop process ${pid}, use another DATA_DIR, or set DATABASE_URL to share a PostgreSQL server. If process ${pid} is not a Tidings process, delete ${lockFile}.`,
    );
    this.directory = directory;
    this.pid = pid;
  }
}

/** A held directory lock. */
export interface DirectoryLock {
  /** The lock file's path. */
  readonly file: string;
  /** Removes the lock file, if it is still ours. */
  release(): Promise<void>;
}

/**
 * Lock files this process holds. A lock file naming our own pid that is not in here was
 * left by an earlier process that had the same pid: the usual case in a container, where
 * the app gets the same small pid on every start.
 */
const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it is alive all the same.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readPid(file: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(await readFile(file, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function tryCreate(file: string): Promise<boolean> {
  try {
    const handle = await open(file, 'wx');
    try {
      await handle.writeFile(`${process.pid}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Moves a dead process's lock aside. Renaming is atomic, so when two processes take over
 * the same stale lock at once, only one of them moves it; and if what was moved turns out
 * to be a fresh lock of a live process, it is put back.
 */
async function takeOver(file: string): Promise<void> {
  const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const pid = await readPid(aside);
  const live = pid === process.pid ? held.has(file) : pid !== undefined && isAlive(pid);
  if (live) {
    await link(aside, file).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}

/**
 * Locks `directory` for this process with a pid file beside it (`<directory>.lock`, created
 * atomically, so the directory itself stays exactly as its owner wants it). A lock whose process is gone (a crash, `kill -9`) is taken over, so a
 * restart works at once; a lock held by a live process throws {@link StoreLockedError}.
 *
 * @example
 * const lock = await acquireDirectoryLock('./data/pglite'); // writes ./data/pglite.lock
 * try { ... } finally { await lock.release(); }
 */
export async function acquireDirectoryLock(directory: string): Promise<DirectoryLock> {
  const file = `${directory}.lock`;
  await mkdir(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await tryCreate(file)) {
      held.add(file);
      return {
        file,
        async release() {
          if (!held.delete(file)) return;
          if ((await readPid(file)) === process.pid) await unlink(file).catch(() => undefined);
        },
      };
    }
    const holder = await readPid(file);
    // A pid file still being written reads as empty: give its writer a moment.
    if (holder === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      if ((await readPid(file)) === undefined) await takeOver(file);
      continue;
    }
    const ours = holder === process.pid;
    if ((ours && held.has(file)) || (!ours && isAlive(holder))) {
      throw new StoreLockedError(directory, holder, file);
    }
    await takeOver(file);
  }
  throw new Error(`Could not lock ${directory}: its lock file ${file} keeps changing`);
}
