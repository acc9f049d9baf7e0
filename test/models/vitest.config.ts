import { defineConfig } from 'vitest/config';

export default defineConfig({
  // CI shares two cores between two packages' suites, each with its own workers: loading a
  // model or starting Redis can take seconds there, so hooks and tests get room. (Speed is
  // measured by `npm run bench`, never by a timeout.)
  test: { hookTimeout: 60_000, testTimeout: 60_000 },
});
