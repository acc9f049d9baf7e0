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
