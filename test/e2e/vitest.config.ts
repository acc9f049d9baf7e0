import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Tests here start whole processes (the service, Redis, models): give them time, and run
    // files one at a time so they do not fight over two cores.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
