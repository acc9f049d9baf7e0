import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('./', import.meta.url));

async function filesUnder(path: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => null);
  if (!entries) return [path];
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? filesUnder(join(path, e.name)) : [join(path, e.name)])),
  );
  return nested.flat().filter((f) => !f.endsWith('.test.ts'));
}

/**
 * A hash of the generator's own sources (paths relative to `src/`, or absolute), so that a
 * cached model is regenerated exactly when the code or data that wrote it changed.
 */
export async function generatorHash(paths: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  const files = (
    await Promise.all(paths.map((p) => filesUnder(p.startsWith('/') ? p : join(SRC, p))))
  )
    .flat()
    .sort();
  for (const file of files) {
    hash.update(file.startsWith(SRC) ? file.slice(SRC.length) : file);
    hash.update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 16);
}
