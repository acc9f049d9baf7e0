/**
 * A separate process for the directory-lock tests (the lock is per process, so it can
 * only be tested from another one). Usage: `node --import tsx store-process.fixture.ts <dataDir> open|hold`.
 * `open` opens the store and closes it; `hold` opens it, writes a key, and waits to be killed.
 * Prints `open` once the store is open, or the error as JSON (with how long `openStore`
 * took to fail, in ms) and exits with 3.
 */
import { openStore } from './open-store.ts';

const [dataDir, mode] = process.argv.slice(2);
if (!dataDir || (mode !== 'open' && mode !== 'hold')) {
  process.stderr.write('usage: store-process.fixture.ts <dataDir> open|hold\n');
  process.exit(2);
}
const started = performance.now();
try {
  const store = await openStore({ dataDir });
  if (mode === 'hold') await store.createKey({ name: 'written before the crash', role: 'admin' });
  process.stdout.write('open\n');
  if (mode === 'hold') setInterval(() => undefined, 60_000);
  else await store.close();
} catch (error) {
  const { name, message } = error as Error;
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`${JSON.stringify({ name, message, ms })}\n`);
  process.exit(3);
}
