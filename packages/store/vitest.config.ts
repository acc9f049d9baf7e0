import { defineConfig } from 'vitest/config';

/** PGlite starts a whole PostgreSQL in WebAssembly: allow each hook and test a few seconds. */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['./src/test-global-setup.ts'],
  },
});
