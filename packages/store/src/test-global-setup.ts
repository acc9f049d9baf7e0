import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openStore } from './open-store.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A freshly created and migrated, cleanly closed PGlite directory to copy. */
    pgliteTemplate: string;
  }
}

/**
 * Creates one migrated PGlite directory for the whole run. Creating a PGlite cluster
 * (initdb in WebAssembly) takes seconds; copying a closed one takes milliseconds, so
 * each test file still gets its own fresh directory without paying for initdb again.
 *
 * @example
 * // vitest.config.ts
 * test: { globalSetup: ['./src/test-global-setup.ts'] }
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tidings-template-'));
  const store = await openStore({ dataDir });
  await store.close();
  project.provide('pgliteTemplate', join(dataDir, 'pglite'));
  return () => rm(dataDir, { recursive: true, force: true });
}
