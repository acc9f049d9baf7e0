import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Real models and a real Redis: give loading room on a busy two-core machine.
  test: { hookTimeout: 120_000, testTimeout: 120_000 },
});
