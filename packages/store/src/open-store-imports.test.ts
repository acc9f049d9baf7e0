import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';

const INDEX = fileURLToPath(new URL('./index.ts', import.meta.url));
const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('a store on PGlite does not load node-postgres (~14 MiB resident it never uses)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tidings-imports-'));
  scratch.push(dataDir);
  const script = `
    import { createRequire } from 'node:module';
    const { openStore } = await import(${JSON.stringify(INDEX)});
    const store = await openStore({ dataDir: ${JSON.stringify(dataDir)} });
    await store.close();
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    process.stdout.write(JSON.stringify(loaded.filter((k) => /[\\\\/]node_modules[\\\\/]pg[\\\\/]/.test(k))));
  `;
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '--eval', script],
    { encoding: 'utf8', timeout: 170_000 },
  );
  expect(run.status, run.stderr).toBe(0);
  expect(JSON.parse(run.stdout)).toEqual([]);
  // A new PGlite directory is made by initdb in a child: seconds on an idle machine, over a
  // minute when the machine is busy (95 s seen in CI beside other work). A bound on hangs only.
}, 180_000);
