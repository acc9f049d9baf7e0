import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Each file opens a real PGlite store (PostgreSQL in WebAssembly): seconds on a busy
    // two-core machine, so hooks and tests get room.
    hookTimeout: 120_000,
    testTimeout: 120_000,
  },
});
